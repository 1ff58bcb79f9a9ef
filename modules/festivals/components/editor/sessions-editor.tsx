"use client";
import { useFormatter, useTranslations } from "next-intl";
import { mergeSessions, parseCalendarDate, type SessionDraft, startOfDay } from "../../editor-values";
import { ErrorText, smallInputClass } from "./fields";
import { SessionGenerator } from "./session-generator";
import { type EditorSession, newKey } from "./types";

type Props = {
  sessions: EditorSession[];
  festivalDates: { from: string; to: string };
  errors: Record<string, string>;
  onChange: (sessions: EditorSession[]) => void;
};

// Phones: times and capacity on one line, labels on the next, then the date (rarely
// changed: the day heading shows it) and delete; wider screens: one line per session.
const ROW = "sm:grid-cols-[9.5rem_7rem_7rem_6rem_1fr_1fr_2.5rem]";
const SPAN = {
  date: "order-last col-span-6 sm:order-none",
  start: "col-span-4",
  end: "col-span-4",
  capacity: "col-span-4",
  labelZh: "col-span-6",
  labelEn: "col-span-6",
} as const;

const fromDraft = (d: SessionDraft): EditorSession => ({
  ...d,
  key: newKey(),
  capacity: String(d.capacity),
  reserved: 0,
  hasOrders: false,
});

/** Sessions listed by day; each row edits one, a day heading starts each new date. */
export function SessionsEditor({ sessions, festivalDates, errors, onChange }: Props) {
  const t = useTranslations("festivalEditor");
  const format = useFormatter();
  const update = (i: number, patch: Partial<EditorSession>) =>
    onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const dayHeading = (date: string) => {
    const parsed = parseCalendarDate(date);
    return parsed ? format.dateTime(startOfDay(parsed), { dateStyle: "full" }) : date;
  };
  const days = new Set(sessions.map((s) => s.date)).size;
  const withProblems = new Set(
    Object.keys(errors).flatMap((k) => (/^sessions\.\d+\./.test(k) ? [k.split(".")[1]] : [])),
  ).size;

  function addOne() {
    const last = sessions.at(-1);
    onChange([
      ...sessions,
      {
        key: newKey(),
        date: last?.date ?? festivalDates.from,
        start: last?.end ?? "08:00",
        end: "",
        capacity: last?.capacity ?? "100",
        labelZh: "",
        labelEn: "",
        reserved: 0,
        hasOrders: false,
      },
    ]);
  }

  return (
    <div className="space-y-3">
      <SessionGenerator
        from={festivalDates.from}
        to={festivalDates.to}
        onGenerate={(drafts) => {
          const merged = mergeSessions(sessions, drafts.map(fromDraft));
          onChange(merged.sessions);
          return merged.added;
        }}
      />
      <p className="text-sm text-stone-600" data-testid="sessions-count">
        {t("sessionsCount", { count: sessions.length, days })}
      </p>
      <ErrorText error={errors.sessions} />
      {withProblems > 0 ? <ErrorText error={t("sessionProblems", { count: withProblems })} /> : null}
      {sessions.length === 0 ? <p className="text-stone-500 text-sm">{t("noSessions")}</p> : null}
      {sessions.length > 0 ? (
        <div aria-hidden className={`hidden gap-2 px-2 text-stone-500 text-xs sm:grid ${ROW}`}>
          {(["date", "start", "end", "capacity", "labelZh", "labelEn"] as const).map((f) => (
            <span key={f}>{t(`session.${f}`)}</span>
          ))}
        </div>
      ) : null}
      <ol className="space-y-1.5">
        {sessions.map((s, i) => {
          const err = (field: string) => errors[`sessions.${i}.${field}`];
          const when = `${s.date} ${s.start}–${s.end}`;
          const input = (field: "date" | "start" | "end" | "capacity" | "labelZh" | "labelEn", errorKey?: string) => {
            const id = `session-${s.key}-${field}`;
            const error = errorKey ? err(errorKey) : undefined;
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
                  onChange={(e) => update(i, { [field]: e.target.value })}
                />
                {field === "capacity" && s.reserved > 0 ? (
                  <span className="mt-0.5 inline-block whitespace-nowrap rounded bg-amber-100 px-1.5 py-0.5 text-amber-900 text-xs">
                    {t("session.reserved", { count: s.reserved })}
                  </span>
                ) : null}
              </label>
            );
          };
          const rowErrors = ["startsAt", "endsAt", "capacity", "labelZh", "labelEn"].flatMap((f) =>
            err(f) ? [{ f, text: err(f) }] : [],
          );
          return (
            <li key={s.key} data-testid="editor-session">
              {s.date !== sessions[i - 1]?.date ? (
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
                    onClick={() => onChange(sessions.filter((_, j) => j !== i))}
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
        })}
      </ol>
      <button
        type="button"
        className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
        onClick={addOne}
      >
        + {t("addSession")}
      </button>
    </div>
  );
}
