import { distanceMeters } from "@/lib/geo";
import { dateParts, wallClock } from "./evaluate";
import type { Point, TripFacts, TripInput, TripSuggestion } from "./types";

// What else fits a day: routes in season that month, sessions that day with seats
// left, and produce ready that day, nearest to the places already in the plan.

function nearest(point: Point | null, places: Point[]): number | null {
  if (!point || places.length === 0) return null;
  return Math.min(...places.map((p) => distanceMeters([p.lng, p.lat], [point.lng, point.lat])));
}

function planPlaces(plan: TripInput, facts: TripFacts): Point[] {
  const out: Point[] = [];
  for (const item of plan.items) {
    if (item.kind === "route") {
      const first = facts.routes.get(item.slug)?.path[0];
      if (first) out.push({ lat: first[1], lng: first[0] });
    } else if (item.kind === "session") {
      const point = facts.sessions.get(item.sessionId)?.festival.point;
      if (point) out.push(point);
    } else {
      const point = facts.products.get(item.productId)?.workshop.point;
      if (point) out.push(point);
    }
  }
  return out;
}

const byDistance = <T extends { distance: number | null }>(a: T, b: T) =>
  (a.distance ?? Number.POSITIVE_INFINITY) - (b.distance ?? Number.POSITIVE_INFINITY);

export function suggestForDay(day: string, plan: TripInput, facts: TripFacts, limit = 3): TripSuggestion[] {
  const { month } = dateParts(day);
  const places = planPlaces(plan, facts);
  const inPlan = new Set(
    plan.items.map((i) => (i.kind === "route" ? i.slug : i.kind === "session" ? i.sessionId : i.productId)),
  );

  const routes = [...facts.routes.values()]
    .filter((r) => r.months.includes(month) && !inPlan.has(r.slug))
    .map((r) => {
      const first = r.path[0];
      return { r, distance: nearest(first ? { lat: first[1], lng: first[0] } : null, places) };
    })
    .sort(byDistance)
    .slice(0, limit)
    .map(
      ({ r }): TripSuggestion => ({ kind: "route", slug: r.slug, title: r.title, durationMinutes: r.durationMinutes }),
    );

  const sessions = [...facts.sessions.values()]
    .filter((s) => s.onSale && s.remaining > 0 && !inPlan.has(s.id) && wallClock(s.startsAt).date === day)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, limit)
    .map(
      (s): TripSuggestion => ({
        kind: "session",
        sessionId: s.id,
        title: s.festival.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        remaining: s.remaining,
      }),
    );

  const products = [...facts.products.values()]
    .filter((p) => {
      if (inPlan.has(p.id) || !p.pickupAtWorkshop || (p.stock !== null && p.stock <= 0)) return false;
      const from = p.availableFrom ? wallClock(p.availableFrom).date : null;
      const until = p.availableUntil ? wallClock(p.availableUntil).date : null;
      return (!from || day >= from) && (!until || day <= until);
    })
    .map((p) => ({ p, distance: nearest(p.workshop.point, places) }))
    .sort(byDistance)
    .slice(0, limit)
    .map(
      ({ p, distance }): TripSuggestion => ({
        kind: "pickup",
        productId: p.id,
        title: p.name,
        workshop: p.workshop.name,
        distanceMeters: distance === null ? null : Math.round(distance),
      }),
    );

  return [...routes, ...sessions, ...products];
}
