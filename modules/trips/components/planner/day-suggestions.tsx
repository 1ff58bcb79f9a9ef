"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import type { TripItemInput, TripSuggestion } from "../../types";

const keyOf = (s: TripSuggestion) =>
  `${s.kind}-${s.kind === "route" ? s.slug : s.kind === "session" ? s.sessionId : s.productId}`;

/** The day's suggestions, each added with one tap (a route or pickup at the chosen start). */
export function DaySuggestions({
  suggestions,
  day,
  when,
  onAdd,
}: {
  suggestions: TripSuggestion[];
  day: string;
  /** The start chosen for the next item ("HH:MM"). */
  when: string;
  onAdd: (item: TripItemInput) => void;
}) {
  const t = useTranslations("trips.planner");
  const locale = useLocale();
  const format = useFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const label = (s: TripSuggestion) =>
    s.kind === "session" ? `${pick(s.title, locale)} ${time(s.startsAt)}–${time(s.endsAt)}` : pick(s.title, locale);
  const add = (s: TripSuggestion) => {
    if (s.kind === "route") onAdd({ kind: "route", slug: s.slug, day, start: when });
    else if (s.kind === "session") onAdd({ kind: "session", sessionId: s.sessionId, day, quantity: 1 });
    else onAdd({ kind: "pickup", productId: s.productId, day, start: when, quantity: 1 });
  };
  return (
    <div>
      <h3 className="mb-1 font-medium">{t("suggestionsTitle")}</h3>
      <ul className="space-y-1" data-testid="trip-suggestions">
        {suggestions.map((s) => (
          <li key={keyOf(s)}>
            <button type="button" onClick={() => add(s)} className="min-h-11 text-left text-brand-700 underline">
              + {t(`kind.${s.kind}`)}: {label(s)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
