"use client";
import { useTranslations } from "next-intl";
import type { ClientFestival } from "../../client-festival";

type Session = ClientFestival["sessions"][number];

/** The festival's days as chips; the one shown is pressed. */
export function DayChips({
  days,
  shownDay,
  known,
  bookable,
  onPick,
}: {
  days: [string, Session[]][];
  shownDay: string | null;
  /** Whether the seats have arrived: until then no day looks unavailable. */
  known: boolean;
  bookable: (s: Session) => boolean;
  onPick: (day: string) => void;
}) {
  const t = useTranslations("festivals");
  return (
    // A fieldset is as wide as its content by default (min-width: min-content): min-w-0 lets the
    // day chips scroll inside the screen instead of widening the page.
    <fieldset className="min-w-0">
      <legend className="mb-2 font-medium">{t("chooseDay")}</legend>
      <div className="flex gap-2 overflow-x-auto pb-1">
        {days.map(([key, sessions]) => (
          <button
            key={key}
            type="button"
            aria-pressed={key === shownDay}
            onClick={() => onPick(key)}
            // A day without seats is dashed, not faded: faded text fails contrast, and the
            // chosen day stays readable even before the seats have loaded.
            className={`min-h-11 shrink-0 rounded-full border px-3 py-1.5 text-sm ${
              key === shownDay
                ? "border-brand-600 bg-brand-600 text-white"
                : known && !sessions.some(bookable)
                  ? "border-stone-300 border-dashed bg-stone-50 text-stone-600"
                  : "border-stone-300 bg-white"
            }`}
          >
            {key}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
