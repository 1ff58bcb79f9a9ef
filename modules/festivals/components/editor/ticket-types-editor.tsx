"use client";
import { useTranslations } from "next-intl";
import { describedBy, ErrorText, smallInputClass } from "./fields";
import { type EditorTicketType, emptyTicketType } from "./types";

type Props = {
  ticketTypes: EditorTicketType[];
  errors: Record<string, string>;
  onChange: (ticketTypes: EditorTicketType[]) => void;
};

const small = "rounded border border-stone-300 px-2 py-1 text-sm disabled:opacity-40";

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Ticket types in the order visitors see them: add, edit, reorder, deactivate, delete if never sold. */
export function TicketTypesEditor({ ticketTypes, errors, onChange }: Props) {
  const t = useTranslations("festivalEditor");
  const update = (i: number, patch: Partial<EditorTicketType>) =>
    onChange(ticketTypes.map((tt, j) => (j === i ? { ...tt, ...patch } : tt)));
  return (
    <div className="space-y-3">
      <ErrorText error={errors.ticketTypes} />
      {ticketTypes.length === 0 ? <p className="text-stone-500 text-sm">{t("noTicketTypes")}</p> : null}
      <ol className="space-y-3">
        {ticketTypes.map((tt, i) => {
          const name = tt.nameZh || t("ticketType.untitled");
          const err = (field: string) => errors[`ticketTypes.${i}.${field}`];
          const admissionsHint = `tt-${tt.key}-admissions-hint`;
          const field = (key: keyof EditorTicketType & string, label: string, inputMode?: "decimal" | "numeric") => {
            const id = `tt-${tt.key}-${key}`;
            const a11y = describedBy(id, err(key));
            const hinted =
              key === "admissions" ? [a11y["aria-describedby"], admissionsHint].filter(Boolean).join(" ") : undefined;
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
                  value={String(tt[key])}
                  onChange={(e) => update(i, { [key]: e.target.value })}
                />
                <ErrorText id={`${id}-error`} error={err(key)} />
              </div>
            );
          };
          return (
            <li
              key={tt.key}
              className={`rounded-xl border bg-white p-3 ${tt.active ? "border-stone-200" : "border-dashed border-stone-300 opacity-80"}`}
              data-testid="editor-ticket-type"
            >
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <span className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-700 text-white text-xs">
                  {i + 1}
                </span>
                <span className="flex-1 font-medium">{name}</span>
                <label className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={tt.active}
                    onChange={(e) => update(i, { active: e.target.checked })}
                  />
                  {tt.active ? t("ticketType.active") : t("ticketType.inactive")}
                </label>
                <button
                  type="button"
                  className={small}
                  disabled={i === 0}
                  onClick={() => onChange(move(ticketTypes, i, i - 1))}
                  aria-label={t("ticketType.moveUp", { name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={i === ticketTypes.length - 1}
                  onClick={() => onChange(move(ticketTypes, i, i + 1))}
                  aria-label={t("ticketType.moveDown", { name })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={small}
                  disabled={tt.sold}
                  onClick={() => onChange(ticketTypes.filter((_, j) => j !== i))}
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
              <p id={admissionsHint} className="mt-1 text-stone-500 text-xs">
                {t("ticketType.admissionsHint")}
              </p>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {field("descriptionZh", t("ticketType.descriptionZh"))}
                {field("descriptionEn", t("ticketType.descriptionEn"))}
              </div>
              <ErrorText error={errors[`ticketTypes.${i}`]} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
        onClick={() => onChange([...ticketTypes, emptyTicketType()])}
      >
        + {t("addTicketType")}
      </button>
    </div>
  );
}
