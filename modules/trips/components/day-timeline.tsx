"use client";
import { useFormatter, useTranslations } from "next-intl";
import { shanghaiDay } from "@/lib/dates";
import { isClock } from "../plan-edits";
import type { TripItemInput } from "../types";
import type { PlanEntry } from "./planner/entries";
import { TimelineItem } from "./planner/timeline-item";

type Props = {
  day: string;
  dayIndex: number;
  days: string[];
  /** The plan's items with their place in the plan. */
  items: PlanEntry[];
  flagged: ReadonlySet<number>;
  onChange: (index: number, change: Partial<TripItemInput>) => void;
  onRemove: (index: number) => void;
};

const minutesOf = (v: string | undefined) => (v && isClock(v) ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3)) : 0);

/** One day of the plan, in time order: times, the drive between places, and each item's controls. */
export function DayTimeline({ day, dayIndex, days, items, flagged, onChange, onRemove }: Props) {
  const t = useTranslations("trips.planner");
  const format = useFormatter();
  const sorted = [...items].sort(
    (a, b) =>
      minutesOf(a.view?.start ?? ("start" in a.input ? a.input.start : "")) -
      minutesOf(b.view?.start ?? ("start" in b.input ? b.input.start : "")),
  );
  const heading = format.dateTime(shanghaiDay(day).start, {
    month: "long",
    day: "numeric",
    weekday: "long",
  });
  return (
    <section aria-label={heading} className="space-y-2" data-trip-day={day}>
      <h2 className="font-semibold text-lg">
        {days.length > 1 ? t("dayNumber", { number: dayIndex + 1 }) : t("theDay")} · {heading}
      </h2>
      {sorted.length === 0 ? <p className="text-sm text-stone-600">{t("emptyDay")}</p> : null}
      <ol className="space-y-2">
        {sorted.map((entry) => (
          <TimelineItem
            key={entry.index}
            entry={entry}
            flagged={flagged.has(entry.index)}
            day={day}
            dayIndex={dayIndex}
            days={days}
            onChange={onChange}
            onRemove={onRemove}
          />
        ))}
      </ol>
    </section>
  );
}
