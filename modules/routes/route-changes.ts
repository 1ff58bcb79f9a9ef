import { type AuditChanges, changedFields } from "@/modules/audit/record-audit";

// What a route save changed, for the audit log: the route's own fields, and its
// stops and months as before → after lists when they differ.

export type RouteData = {
  slug: string;
  category: string;
  difficulty: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  gettingThereZh: string;
  gettingThereEn: string;
  coverImageUrl: string | null;
  path: unknown;
  distanceMeters: number;
  durationMinutes: number;
};

const ROUTE_FIELDS = [
  "slug",
  "category",
  "difficulty",
  "titleZh",
  "titleEn",
  "summaryZh",
  "summaryEn",
  "descriptionZh",
  "descriptionEn",
  "gettingThereZh",
  "gettingThereEn",
  "coverImageUrl",
  "path",
  "distanceMeters",
  "durationMinutes",
] as const satisfies readonly (keyof RouteData)[];

/** A stop as the log shows it: "杜家村 40′", with its note if it has one. */
export type StopSummary = { place: string; minutes: number; note: string | null };

const stopText = (s: StopSummary) => `${s.place} ${s.minutes}′${s.note ? ` (${s.note})` : ""}`;

function listChange<T>(from: T[], to: T[]) {
  return JSON.stringify(from) === JSON.stringify(to) ? null : { from, to };
}

/** The changes a save makes to a route (everything it sets, for a new one). */
export function routeChanges(
  before: (RouteData & { stops: StopSummary[]; months: number[] }) | null,
  after: RouteData & { stops: StopSummary[]; months: number[] },
): AuditChanges {
  const changes: AuditChanges = changedFields<RouteData>(before, after, ROUTE_FIELDS);
  const stops = listChange((before?.stops ?? []).map(stopText), after.stops.map(stopText));
  const months = listChange(
    [...(before?.months ?? [])].sort((a, b) => a - b),
    [...after.months].sort((a, b) => a - b),
  );
  if (stops) changes.stops = stops;
  if (months) changes.months = months;
  return changes;
}
