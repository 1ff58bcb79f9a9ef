"use client";
import { useFormatter, useTranslations } from "next-intl";
import { parseCalendarDate, startOfShanghaiDay } from "@/lib/dates";
import { ErrorText, smallInputClass } from "./fields";
import type { EditorSession } from "./types";

// Phones: times and capacity on one line, labels on the next, then the date (rarely
// changed: the day heading shows it) and delete; wider screens: one line per session.
export const ROW = "sm:grid-cols-[9.5rem_7rem_7rem_6rem_1fr_1fr_2.5rem]";
const SPAN = {
  date: "order-last col-span-6 sm:order-none",
  start: "col-span-4",
  end: "col-span-4",
  capacity: "col-span-4",
  labelZh: "col-span-6",
  labelEn: "col-span-6",
} as const;

type Field = keyof typeof SPAN;

/** One session: a day heading when its date starts a new day, its fields, delete (unless it has orders), its errors. */
export function SessionRow({
  session: s,
  index: i,
  previousDate,
  errors,
  update,
  remove,
}: {
  session: EditorSession;
  index: number;
  /** The date of the session listed before it. */
  previousDate: string | undefined;
  errors: Record<string, string>;
  update: (i: number, patch: Partial<EditorSession>) => void;
  remove: () => void;
}) {
  const t = useTranslations("festivalEditor");
  const format = useFormatter();
  const dayHeading = (date: string) => {
    const parsed = parseCalendarDate(date);
    return parsed ? format.dateTime(startOfShanghaiDay(parsed), { dateStyle: "full" }) : date;
  };
  const err = (field: string) => errors[`sessions.${i}.${field}`];
  const when = `${s.date} ${s.start}–${s.end}`;
  const input = (field: Field, errorKey?: string) => (
    <SessionInput
      session={s}
      field={field}
      errorKey={errorKey}
      error={errorKey ? err(errorKey) : undefined}
      when={when}
      onChange={(value) => update(i, { [field]: value })}
    />
  );
  const rowErrors = ["startsAt", "endsAt", "capacity", "labelZh", "labelEn"].flatMap((f) =>
    err(f) ? [{ f, text: err(f) }] : [],
  );
  return (
    <li data-testid="editor-session">
      {s.date !== previousDate ? (
        <h3 className="mt-3 mb-1 font-medium text-sm text-stone-700">{dayHeading(s.date)}</h3>
      ) : null}
      <div
        className={`grid grid-cols-12 items-start gap-2 rounded-lg border bg-white p-2 ${ROW} ${rowErrors.length > 0 ? "border-berry-600" : "border-stone-200"}`}
      >
        {input("date", "startsAt")}
        {input("start", "startsAt")}
        {input("end", "endsAt")}
        {input("capacity", "capacity")}
        {input("labelZh", "labelZh")}
        {input("labelEn", "labelEn")}
        <div className="order-last col-span-6 flex justify-end self-end pb-1 sm:order-none sm:col-span-1">
          <button
            type="button"
            className="rounded border border-stone-300 px-2.5 py-1 text-sm disabled:opacity-40"
            disabled={s.hasOrders}
            title={s.hasOrders ? t("session.hasOrders") : undefined}
            aria-label={t("session.remove", { when })}
            onClick={remove}
          >
            ✕
          </button>
        </div>
      </div>
      {rowErrors.map((e) => (
        <ErrorText key={e.f} id={`session-${s.key}-${e.f}-error`} error={e.text} />
      ))}
    </li>
  );
}

/** One field of a session row, labelled for screen readers with the session's date and times. */
function SessionInput({
  session: s,
  field,
  errorKey,
  error,
  when,
  onChange,
}: {
  session: EditorSession;
  field: Field;
  errorKey?: string;
  error?: string;
  when: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("festivalEditor");
  const id = `session-${s.key}-${field}`;
  return (
    <label htmlFor={id} className={`text-xs sm:col-span-1 ${SPAN[field]}`}>
      <span className="sm:sr-only">{t(`session.${field}`)}</span>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `session-${s.key}-${errorKey}-error` : undefined}
        aria-label={`${t(`session.${field}`)} · ${when}`}
        type={field === "date" ? "date" : field === "start" || field === "end" ? "time" : "text"}
        inputMode={field === "capacity" ? "numeric" : undefined}
        className={smallInputClass}
        value={s[field]}
        onChange={(e) => onChange(e.target.value)}
      />
      {field === "capacity" && s.reserved > 0 ? (
        <span className="mt-0.5 inline-block whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 text-xs">
          {t("session.reserved", { count: s.reserved })}
        </span>
      ) : null}
    </label>
  );
}
