import type { MapRoute } from "@/components/map/route-map";
import type { Locale } from "@/lib/i18n/routing";
import { type Bilingual, pick } from "@/lib/localized";
import { CATEGORY_COLOURS, type CategorySlug } from "./categories";
import type { RouteDto } from "./types";

/** What a route card and the overview map need: small enough to ship to the browser. */
export type RouteCardData = Pick<
  RouteDto,
  "slug" | "category" | "title" | "summary" | "distanceMeters" | "durationMinutes" | "months" | "difficulty" | "path"
> & { stops: { position: number; name: Bilingual; lat: number; lng: number }[] };

export function toCardData(r: RouteDto): RouteCardData {
  return {
    slug: r.slug,
    category: r.category,
    title: r.title,
    summary: r.summary,
    distanceMeters: r.distanceMeters,
    durationMinutes: r.durationMinutes,
    months: r.months,
    difficulty: r.difficulty,
    path: r.path,
    stops: r.stops.map((s) => ({ position: s.position, name: s.place.name, lat: s.place.lat, lng: s.place.lng })),
  };
}

export function toMapRoute(r: RouteCardData | RouteDto, locale: Locale): MapRoute {
  return {
    slug: r.slug,
    title: pick(r.title, locale),
    colour: CATEGORY_COLOURS[r.category as CategorySlug],
    path: r.path,
    stops: r.stops.map((s) => {
      const name = "place" in s ? s.place.name : s.name;
      const at = "place" in s ? s.place : s;
      return { position: s.position, name: pick(name, locale), lat: at.lat, lng: at.lng };
    }),
  };
}

export type DurationBucket = "short" | "half" | "full";

export function durationBucket(minutes: number): DurationBucket {
  if (minutes <= 120) return "short";
  if (minutes <= 240) return "half";
  return "full";
}

export type RouteFilters = { category: CategorySlug | null; month: number | null; duration: DurationBucket | null };

export function filterRoutes<T extends Pick<RouteDto, "category" | "months" | "durationMinutes">>(
  routes: T[],
  f: RouteFilters,
): T[] {
  return routes.filter(
    (r) =>
      (!f.category || r.category === f.category) &&
      (!f.month || r.months.includes(f.month)) &&
      (!f.duration || durationBucket(r.durationMinutes) === f.duration),
  );
}
