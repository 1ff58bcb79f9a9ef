"use client";
import { useEffect, useRef } from "react";
import { addItem, nextStart } from "../../plan-edits";
import type { PlannerCatalogue, TripInput } from "../../types";
import { todayInSuoqian } from "./today";

/** "Add to my trip" from a route page (`?add=route:slug`): once, when the plan is ready; then the query goes. */
export function useAddFromQuery(
  plan: TripInput | null,
  query: { add: string | null } | null,
  routes: PlannerCatalogue["routes"],
  setPlan: (change: (plan: TripInput) => TripInput) => void,
) {
  const added = useRef(false);
  useEffect(() => {
    if (!plan || added.current || !query?.add) return;
    added.current = true;
    const [kind, slug] = query.add.split(":");
    if (kind === "route" && slug && routes.some((r) => r.slug === slug)) {
      const day = plan.days[0] ?? todayInSuoqian();
      setPlan((p) => addItem(p, { kind: "route", slug, day, start: nextStart(p, day, () => null) }));
    }
    window.history.replaceState(null, "", window.location.pathname);
  }, [plan, query, routes, setPlan]);
}
