"use client";
import { useEffect, useRef } from "react";
import { addItem, nextStart, planOnDay, sessionDay } from "../../plan-edits";
import type { PlannerCatalogue, TripInput, TripItemInput } from "../../types";
import { todayInSuoqian } from "./today";

/**
 * What `?add=` asks to add, if the catalogue has it: `route:<slug>` (a route page's "Add to
 * my trip") or `session:<id>[:<ticketTypeId>:<quantity>]` (a festival page's), the session
 * on its own day. A ticket type the planner does not know is left out, with its quantity.
 */
export function itemFromQuery(
  add: string,
  catalogue: Pick<PlannerCatalogue, "routes" | "festivals">,
  plan: TripInput,
): TripItemInput | null {
  const [kind, id, ticketTypeId, count] = add.split(":");
  if (kind === "route" && id && catalogue.routes.some((r) => r.slug === id)) {
    const day = plan.days[0] ?? todayInSuoqian();
    return { kind: "route", slug: id, day, start: nextStart(plan, day, () => null) };
  }
  if (kind !== "session" || !id) return null;
  const festival = catalogue.festivals.find((f) => f.sessions.some((s) => s.id === id));
  const session = festival?.sessions.find((s) => s.id === id);
  if (!festival || !session) return null;
  const item: TripItemInput = { kind: "session", sessionId: id, day: sessionDay(session.startsAt), quantity: 1 };
  const quantity = Number(count);
  if (ticketTypeId && ticketTypeId === festival.ticketType?.id && Number.isInteger(quantity)) {
    return { ...item, ticketTypeId, quantity: Math.min(50, Math.max(1, quantity)) };
  }
  return item;
}

/** "Add to my trip" from a route or festival page (`?add=…`): once, when the plan is ready; then the query goes. */
export function useAddFromQuery(
  plan: TripInput | null,
  query: { add: string | null } | null,
  catalogue: Pick<PlannerCatalogue, "routes" | "festivals">,
  setPlan: (change: (plan: TripInput) => TripInput) => void,
) {
  const added = useRef(false);
  useEffect(() => {
    if (!plan || added.current || !query?.add) return;
    added.current = true;
    const item = itemFromQuery(query.add, catalogue, plan);
    // A session moves the plan to its day first (a route goes on the plan's first day); one already planned is not added twice.
    const already = (p: TripInput) =>
      item?.kind === "session" && p.items.some((i) => i.kind === "session" && i.sessionId === item.sessionId);
    if (item) setPlan((p) => (already(p) ? p : addItem(planOnDay(p, item.day), item)));
    window.history.replaceState(null, "", window.location.pathname);
  }, [plan, query, catalogue, setPlan]);
}
