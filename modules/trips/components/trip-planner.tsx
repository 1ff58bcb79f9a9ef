"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { TileConfig } from "@/lib/map-tiles";
import { useSessionSummary } from "@/modules/auth/use-session-summary";
import { parseClock } from "../evaluate";
import { addItem, changeItem, newPlan, nextStart, removeItem } from "../plan-edits";
import type { PlannerCatalogue, TripInput, TripItemInput } from "../types";
import { useTripPlan } from "../use-trip-plan";
import { useTripPreview } from "../use-trip-preview";
import { AddToDay } from "./add-to-day";
import { DayTimeline } from "./day-timeline";
import { PlanMap } from "./plan-map";
import { PlanWarnings } from "./plan-warnings";
import { heldSessions, isViewOf, needsCount } from "./planner/entries";
import { PlanActions } from "./planner/plan-actions";
import { PlanSettings } from "./planner/plan-settings";
import { SaveStatus } from "./planner/save-status";
import { todayInSuoqian } from "./planner/today";
import { useAddFromQuery } from "./planner/use-add-from-query";
import { usePlannerQuery } from "./planner/use-planner-query";

type Props = {
  catalogue: PlannerCatalogue;
  tiles: TileConfig;
  mapLabels: { map: string; tilesUnavailable: string };
};

/** The weekend planner: one or two days of routes, sessions and pickups, on a timeline and a map. */
export function TripPlanner({ catalogue, tiles, mapLabels }: Props) {
  const t = useTranslations("trips.planner");
  const session = useSessionSummary();
  const query = usePlannerQuery();
  const signedIn = session.status === "loading" || query === null ? null : session.status === "signed-in";
  const { plan, setPlan, store, id, shareUrl, share, save } = useTripPlan(
    signedIn,
    () => newPlan(t("defaultTitle"), todayInSuoqian(), catalogue.festivals),
    query?.plan ?? null,
  );
  const { preview, failed } = useTripPreview(plan);
  const [bought, setBought] = useState<number | null>(null);

  useAddFromQuery(plan, query, catalogue, setPlan);

  const views = preview?.items;
  const flagged = useMemo(() => new Set(preview?.warnings.flatMap((w) => w.items) ?? []), [preview]);
  const entries = useMemo(
    // Until the preview of this very plan arrives, an item has no view (and shows no "withdrawn").
    () =>
      (plan?.items ?? []).map((input, index) => {
        const view = views?.[index];
        return { index, input, view: isViewOf(view, input) ? view : undefined };
      }),
    [plan, views],
  );

  if (!plan) return <p className="text-stone-600">{t("loading")}</p>;

  const endOf = (item: TripItemInput) => {
    const v = views?.[plan.items.indexOf(item)];
    return v?.end ? parseClock(v.end) : null;
  };
  const held = heldSessions(entries);

  const change = (next: (p: TripInput) => TripInput) => {
    setBought(null);
    setPlan(next);
  };

  return (
    <div className="space-y-5">
      <PlanSettings plan={plan} change={change} />

      <SaveStatus store={store} save={save} />
      {failed ? (
        <p role="alert" className="text-berry-600 text-sm">
          {t("previewFailed")}
        </p>
      ) : null}
      <PlanWarnings
        warnings={preview?.warnings ?? []}
        items={entries.map((e) => e.view ?? { ...e.input, title: null })}
      />

      {plan.days.map((day, dayIndex) => (
        <div key={day} className="space-y-3">
          <DayTimeline
            day={day}
            dayIndex={dayIndex}
            days={plan.days}
            items={entries.filter((e) => e.input.day === day)}
            flagged={flagged}
            onChange={(index, c) => change((p) => changeItem(p, index, c))}
            onRemove={(index) => change((p) => removeItem(p, index))}
          />
          <AddToDay
            day={day}
            catalogue={catalogue}
            suggestions={preview?.suggestions[day] ?? []}
            nextStart={nextStart(plan, day, endOf)}
            onAdd={(item) => change((p) => addItem(p, item))}
          />
        </div>
      ))}

      <PlanMap days={plan.days} items={entries} tiles={tiles} labels={mapLabels} />

      <PlanActions
        plan={plan}
        catalogue={catalogue}
        held={held}
        needs={needsCount(plan, held)}
        bought={bought}
        onBought={setBought}
        store={store}
        id={id}
        shareUrl={shareUrl}
        share={share}
      />
    </div>
  );
}
