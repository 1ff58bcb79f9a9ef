"use client";
import { useTranslations } from "next-intl";
import { ErrorText } from "./fields";
import { TicketTypeRow } from "./ticket-type-row";
import { type EditorTicketType, emptyTicketType } from "./types";

type Props = {
  ticketTypes: EditorTicketType[];
  errors: Record<string, string>;
  onChange: (ticketTypes: EditorTicketType[]) => void;
};

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
        {ticketTypes.map((tt, i) => (
          <TicketTypeRow
            key={tt.key}
            ticketType={tt}
            index={i}
            count={ticketTypes.length}
            errors={errors}
            update={(patch) => update(i, patch)}
            move={(to) => onChange(move(ticketTypes, i, to))}
            remove={() => onChange(ticketTypes.filter((_, j) => j !== i))}
          />
        ))}
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
