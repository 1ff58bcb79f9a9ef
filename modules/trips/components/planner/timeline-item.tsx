"use client";
import { useLocale, useTranslations } from "next-intl";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { isClock } from "../../plan-edits";
import type { TripItemInput } from "../../types";
import type { PlanEntry } from "./entries";

/** One item of a day: the drive to it, its times and kind, its title, and its controls (start, quantity, other day, remove). */
export function TimelineItem({
  entry: { index, input, view },
  flagged,
  day,
  dayIndex,
  days,
  onChange,
  onRemove,
}: {
  entry: PlanEntry;
  /** A warning names it: the card is outlined. */
  flagged: boolean;
  day: string;
  dayIndex: number;
  days: string[];
  onChange: (index: number, change: Partial<TripItemInput>) => void;
  onRemove: (index: number) => void;
}) {
  const t = useTranslations("trips.planner");
  const locale = useLocale();
  // Not previewed yet: a neutral mark, not "withdrawn" (which only a preview can say).
  const title = view === undefined ? "…" : view.title ? pick(view.title, locale) : t("unknownItem");
  return (
    <li data-trip-item={input.kind} className="space-y-1">
      {view?.travelMinutes ? (
        <p className="pl-3 text-stone-500 text-xs">{t("drive", { minutes: view.travelMinutes })}</p>
      ) : null}
      <div className={`rounded-xl border bg-white p-3 shadow-sm ${flagged ? "border-amber-400" : "border-stone-200"}`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="font-medium tabular-nums" data-testid="trip-item-time">
            {view?.start ?? "–"}–{view?.end ?? "–"}
          </span>
          <span className="text-stone-500 text-xs">{t(`kind.${input.kind}`)}</span>
        </div>
        {view?.href ? (
          <Link href={view.href} className="font-medium text-brand-800 underline">
            {title}
          </Link>
        ) : (
          <span className="font-medium">{title}</span>
        )}
        {view?.subtitle ? <p className="text-sm text-stone-600">{pick(view.subtitle, locale)}</p> : null}
        {view?.held ? <p className="text-brand-700 text-sm">{t("held")}</p> : null}
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          {input.kind !== "session" ? (
            <label className="flex items-center gap-1">
              <span>{t("start")}</span>
              <input
                type="time"
                step={900}
                value={input.start}
                aria-label={t("startOf", { title })}
                onChange={(e) => {
                  if (isClock(e.target.value)) onChange(index, { start: e.target.value });
                }}
                className="min-h-11 rounded border border-stone-300 px-2 py-1"
              />
            </label>
          ) : null}
          {input.kind !== "route" ? (
            <span className="flex items-center gap-1">
              <span>{input.kind === "session" ? t("tickets") : t("quantity")}</span>
              <QuantityStepper
                label={title}
                value={input.quantity ?? 1}
                max={input.kind === "session" ? 10 : 50}
                onChange={(quantity) => onChange(index, { quantity: Math.max(1, quantity) })}
              />
            </span>
          ) : null}
          {days.length > 1 && input.kind !== "session" ? (
            <button
              type="button"
              className="tap px-1 text-brand-700 underline"
              onClick={() => onChange(index, { day: days[dayIndex === 0 ? 1 : 0] ?? day })}
            >
              {t("moveToDay", { number: dayIndex === 0 ? 2 : 1 })}
            </button>
          ) : null}
          <button
            type="button"
            className="tap ml-auto px-1 text-berry-600 underline"
            aria-label={t("removeItem", { title })}
            onClick={() => onRemove(index)}
          >
            {t("remove")}
          </button>
        </div>
      </div>
    </li>
  );
}
