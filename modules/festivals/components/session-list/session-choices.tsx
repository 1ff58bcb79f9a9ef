"use client";
import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import type { ClientFestival } from "../../client-festival";

type Session = ClientFestival["sessions"][number];

/** The shown day's sessions as radio cards, each with its times and seats left. */
export function SessionChoices({
  sessions,
  times,
  status,
  seats,
  picked,
  selectable,
  onPick,
}: {
  sessions: Session[];
  times: (s: Session) => string;
  status: (s: Session) => string;
  /** The seats' level for the status colour (an attribute: the class never changes when seats arrive). */
  seats: (s: Session) => string;
  picked: (s: Session) => boolean;
  selectable: (s: Session) => boolean;
  onPick: (s: Session) => void;
}) {
  const t = useTranslations("festivals");
  const locale = useLocale();
  return (
    <fieldset className="min-w-0">
      <legend className="mb-2 font-medium">{t("chooseSession")}</legend>
      <ul className="grid gap-2 sm:grid-cols-3">
        {sessions.map((s) => (
          <li key={s.id} id={`session-${s.id}`} data-session={s.id} className="scroll-mt-20">
            <label
              className={`block rounded-lg border bg-white p-3 ${
                picked(s) ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"
              } ${selectable(s) ? "cursor-pointer" : "opacity-60"}`}
            >
              <input
                type="radio"
                name="session"
                value={s.id}
                className="sr-only"
                disabled={!selectable(s)}
                checked={picked(s)}
                onChange={() => onPick(s)}
              />
              <span className="block font-medium">
                {times(s)} {s.label ? pick(s.label, locale) : ""}
              </span>
              <span className="seat-status block text-sm" data-seats={seats(s)} data-testid="session-status">
                {status(s)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
