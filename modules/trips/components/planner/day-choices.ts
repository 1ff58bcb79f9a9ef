import { sessionDay } from "../../plan-edits";
import type { PlannerCatalogue } from "../../types";

/** The routes in season that month first, then by slug. */
export function routesBySeason(routes: PlannerCatalogue["routes"], month: number) {
  return [...routes].sort(
    (a, b) => Number(b.months.includes(month)) - Number(a.months.includes(month)) || a.slug.localeCompare(b.slug),
  );
}

/** The festival sessions that start on the day, with their festival. */
export function sessionsOn(festivals: PlannerCatalogue["festivals"], day: string) {
  return festivals.flatMap((f) =>
    f.sessions.filter((s) => sessionDay(s.startsAt) === day).map((s) => ({ festival: f, session: s })),
  );
}
