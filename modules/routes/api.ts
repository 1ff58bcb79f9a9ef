import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/routing";
import { isCategorySlug } from "./categories";
import { routeToGeoJson } from "./geojson";
import { routeToGpx } from "./gpx";
import type { RouteDto } from "./types";

// The public routes API (for partner sites and a mini-program). Each function is a
// whole answer; the route handlers pass the cached loaders, tests the plain ones.

export type RouteLoaders = {
  all: () => Promise<RouteDto[]>;
  one: (slug: string) => Promise<RouteDto | null>;
};

// Shared caches may keep answers briefly; publishing expires the app's own cache at once.
const CACHE = { "Cache-Control": "public, max-age=60, stale-while-revalidate=600" };

export function toApiRoute(r: RouteDto) {
  return {
    slug: r.slug,
    category: r.category,
    title: r.title,
    summary: r.summary,
    difficulty: r.difficulty,
    distanceKm: Math.round(r.distanceMeters / 100) / 10,
    durationMinutes: r.durationMinutes,
    months: r.months,
    stops: r.stops.map((s) => ({ name: s.place.name, lat: s.place.lat, lng: s.place.lng })),
  };
}

export async function listRoutesResponse(category: string | null, locale: Locale, load: RouteLoaders) {
  if (category !== null && !isCategorySlug(category)) {
    const refusal = new ApiError("invalid_category", "api.invalidCategory", {
      values: { value: category.slice(0, 40) },
    });
    return apiErrorResponse(refusal, locale);
  }
  const routes = (await load.all()).filter((r) => category === null || r.category === category);
  return Response.json({ routes: routes.map(toApiRoute) }, { headers: CACHE });
}

export async function routeResponse(slug: string, locale: Locale, load: RouteLoaders) {
  const route = await load.one(slug);
  if (!route) return apiErrorResponse(new ApiError("not_found", "api.routeNotFound"), locale);
  return Response.json(toApiRoute(route), { headers: CACHE });
}

function fileName(route: RouteDto, ext: string) {
  return `attachment; filename="suoqian-${route.slug}.${ext}"`;
}

export async function routeGpxResponse(slug: string, locale: Locale, origin: string, load: RouteLoaders) {
  const route = await load.one(slug);
  if (!route) return apiErrorResponse(new ApiError("not_found", "api.routeNotFound"), locale);
  const lang = locale === "en" ? "en" : "zh";
  const page = `${origin}${locale === "en" ? "/en" : ""}/routes/${route.slug}`;
  return new Response(routeToGpx(route, lang, page), {
    headers: {
      ...CACHE,
      "Content-Type": "application/gpx+xml; charset=utf-8",
      "Content-Disposition": fileName(route, "gpx"),
    },
  });
}

export async function routeGeoJsonResponse(slug: string, locale: Locale, load: RouteLoaders) {
  const route = await load.one(slug);
  if (!route) return apiErrorResponse(new ApiError("not_found", "api.routeNotFound"), locale);
  return new Response(JSON.stringify(routeToGeoJson(route)), {
    headers: {
      ...CACHE,
      "Content-Type": "application/geo+json; charset=utf-8",
      "Content-Disposition": fileName(route, "geojson"),
    },
  });
}
