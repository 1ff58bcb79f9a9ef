"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import type { TripWarning } from "../types";
import type { PreviewItem } from "../use-trip-preview";

/** Every problem with the plan, in words, naming the items it is about. */
export function PlanWarnings({ warnings, items }: { warnings: TripWarning[]; items: PreviewItem[] }) {
  const t = useTranslations("trips.warnings");
  const tp = useTranslations("trips.planner");
  const locale = useLocale();
  const format = useFormatter();
  if (warnings.length === 0) return null;
  // A plan's day (YYYY-MM-DD, Suoqian's calendar) as the visitor reads it: "6月19日 周六".
  const dayName = (day: string | undefined) =>
    day
      ? format.dateTime(new Date(`${day}T12:00:00+08:00`), {
          month: "long",
          day: "numeric",
          weekday: "short",
          timeZone: "Asia/Shanghai",
        })
      : "";
  const name = (i: number) => {
    const title = items[i]?.title;
    return title ? pick(title, locale) : tp("unknownItem");
  };
  return (
    <section aria-label={tp("warningsTitle")} className="rounded-xl border border-amber-300 bg-amber-50 p-3">
      <h2 className="mb-1 font-semibold text-amber-900">{tp("warningsTitle")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-amber-900 text-sm">
        {warnings.map((w) => (
          <li key={`${w.code}-${w.day ?? ""}-${w.items.join("-")}`} data-warning={w.code}>
            {t(w.code, {
              first: name(w.items[0] ?? -1),
              second: name(w.items[1] ?? -1),
              minutes: w.minutes ?? 0,
              count: w.items.length,
              day: dayName(w.day),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
