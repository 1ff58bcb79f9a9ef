"use client";
import { useTranslations } from "next-intl";
import { addDaysTo, setDays } from "../../plan-edits";
import type { TripInput } from "../../types";
import { todayInSuoqian } from "./today";

/** The plan's title, its first day, and whether it spans two days. */
export function PlanSettings({
  plan,
  change,
}: {
  plan: TripInput;
  change: (next: (p: TripInput) => TripInput) => void;
}) {
  const t = useTranslations("trips.planner");
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <label className="flex flex-col gap-1 text-sm sm:col-span-3">
        <span>{t("title")}</span>
        <input
          value={plan.title}
          maxLength={80}
          onChange={(e) => change((p) => ({ ...p, title: e.target.value || t("defaultTitle") }))}
          className="min-h-11 rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t("firstDay")}</span>
        <input
          type="date"
          value={plan.days[0]}
          onChange={(e) => {
            const first = e.target.value;
            if (!first) return;
            change((p) => setDays(p, p.days.length > 1 ? [first, addDaysTo(first, 1)] : [first]));
          }}
          className="min-h-11 rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      <label className="flex min-h-11 items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          className="h-6 w-6"
          checked={plan.days.length > 1}
          onChange={(e) =>
            change((p) =>
              setDays(
                p,
                e.target.checked
                  ? [p.days[0] ?? todayInSuoqian(), addDaysTo(p.days[0] ?? todayInSuoqian(), 1)]
                  : [p.days[0] ?? todayInSuoqian()],
              ),
            )
          }
        />
        <span>{t("twoDays")}</span>
      </label>
    </div>
  );
}
