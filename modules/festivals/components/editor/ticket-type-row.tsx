"use client";
import { useTranslations } from "next-intl";
import { describedBy, ErrorText, smallInputClass } from "./fields";
import type { EditorTicketType } from "./types";

const small = "rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40";

/** One ticket type: its number, name and switches (active, up, down, delete), its fields and their errors. */
export function TicketTypeRow({
  ticketType: tt,
  index: i,
  count,
  errors,
  update,
  move,
  remove,
}: {
  ticketType: EditorTicketType;
  index: number;
  count: number;
  errors: Record<string, string>;
  update: (patch: Partial<EditorTicketType>) => void;
  move: (to: number) => void;
  remove: () => void;
}) {
  const t = useTranslations("festivalEditor");
  const name = tt.nameZh || t("ticketType.untitled");
  const field = (key: keyof EditorTicketType & string, label: string, inputMode?: "decimal" | "numeric") => (
    <TicketTypeField
      ticketType={tt}
      name={key}
      label={label}
      inputMode={inputMode}
      error={errors[`ticketTypes.${i}.${key}`]}
      onChange={(value) => update({ [key]: value })}
    />
  );
  return (
    <li
      className={`rounded-xl border bg-white p-3 ${tt.active ? "border-stone-200" : "border-dashed border-stone-300 opacity-80"}`}
      data-testid="editor-ticket-type"
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-700 text-white text-xs">
          {i + 1}
        </span>
        <span className="flex-1 font-medium">{name}</span>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={tt.active} onChange={(e) => update({ active: e.target.checked })} />
          {tt.active ? t("ticketType.active") : t("ticketType.inactive")}
        </label>
        <button
          type="button"
          className={small}
          disabled={i === 0}
          onClick={() => move(i - 1)}
          aria-label={t("ticketType.moveUp", { name })}
        >
          ↑
        </button>
        <button
          type="button"
          className={small}
          disabled={i === count - 1}
          onClick={() => move(i + 1)}
          aria-label={t("ticketType.moveDown", { name })}
        >
          ↓
        </button>
        <button
          type="button"
          className={small}
          disabled={tt.sold}
          onClick={remove}
          aria-label={t("ticketType.remove", { name })}
        >
          ✕
        </button>
      </div>
      {tt.sold ? <p className="mb-2 text-amber-800 text-xs">{t("ticketType.sold")}</p> : null}
      <div className="grid gap-2 sm:grid-cols-2">
        {field("nameZh", t("ticketType.nameZh"))}
        {field("nameEn", t("ticketType.nameEn"))}
      </div>
      <div className="mt-2 grid grid-cols-3 gap-2">
        {field("price", t("ticketType.price"), "decimal")}
        {field("admissions", t("ticketType.admissions"), "numeric")}
        {field("maxPerOrder", t("ticketType.maxPerOrder"), "numeric")}
      </div>
      <p id={`tt-${tt.key}-admissions-hint`} className="mt-1 text-stone-500 text-xs">
        {t("ticketType.admissionsHint")}
      </p>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {field("descriptionZh", t("ticketType.descriptionZh"))}
        {field("descriptionEn", t("ticketType.descriptionEn"))}
      </div>
      <ErrorText error={errors[`ticketTypes.${i}`]} />
    </li>
  );
}

/** One field of a ticket type; admissions also points to the hint below the row's prices. */
function TicketTypeField({
  ticketType: tt,
  name,
  label,
  inputMode,
  error,
  onChange,
}: {
  ticketType: EditorTicketType;
  name: keyof EditorTicketType & string;
  label: string;
  inputMode?: "decimal" | "numeric";
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = `tt-${tt.key}-${name}`;
  const a11y = describedBy(id, error);
  const hinted =
    name === "admissions"
      ? [a11y["aria-describedby"], `tt-${tt.key}-admissions-hint`].filter(Boolean).join(" ")
      : undefined;
  return (
    <div>
      <label htmlFor={id} className="text-xs">
        {label}
      </label>
      <input
        {...a11y}
        aria-describedby={hinted ?? a11y["aria-describedby"]}
        className={smallInputClass}
        inputMode={inputMode}
        value={String(tt[name])}
        onChange={(e) => onChange(e.target.value)}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}
