"use client";
import { useTranslations } from "next-intl";
import { useLiveSeats } from "./session-list/use-live-seats";

/**
 * "本周末余 N 座": the seats left over a weekend's sessions, from the same live figure the
 * session list shows (one request for both). Empty until it arrives.
 */
export function WeekendSeats({
  slug,
  sessionIds,
  thisWeekend,
  weekend,
}: {
  slug: string;
  sessionIds: string[];
  thisWeekend: boolean;
  /** The weekend's dates as the visitor reads them, when it is not this one. */
  weekend: string;
}) {
  const t = useTranslations("festivals");
  const { remaining } = useLiveSeats(slug);
  const count = remaining ? sessionIds.reduce((sum, id) => sum + (remaining.get(id) ?? 0), 0) : null;
  return (
    <p className="min-h-6 font-medium text-amber-900" data-testid="weekend-seats" aria-live="polite">
      {count === null ? "" : thisWeekend ? t("seatsThisWeekend", { count }) : t("seatsWeekendOf", { count, weekend })}
    </p>
  );
}
