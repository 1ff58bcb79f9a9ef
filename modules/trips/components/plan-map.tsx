"use client";
import { useLocale } from "next-intl";
import { LazyRouteMap } from "@/components/map/lazy-route-map";
import type { MapRoute } from "@/components/map/route-map";
import type { LngLat } from "@/lib/geo";
import { pick } from "@/lib/localized";
import type { TileConfig } from "@/lib/map-tiles";
import type { TripItemInput } from "../types";
import type { PreviewItem } from "../use-trip-preview";

const COLOURS = ["#2f7a4a", "#b4233c"];

/** Each day of the plan on the same lazy map: its places numbered in time order, joined by its routes' paths. */
export function PlanMap({
  days,
  items,
  tiles,
  labels,
}: {
  days: string[];
  items: { input: TripItemInput; view: PreviewItem | undefined }[];
  tiles: TileConfig;
  labels: { map: string; tilesUnavailable: string };
}) {
  const locale = useLocale();
  const routes: MapRoute[] = days.map((day, dayIndex) => {
    const onDay = items
      .filter((i) => i.input.day === day && i.view?.from)
      .sort((a, b) => (a.view?.start ?? "").localeCompare(b.view?.start ?? ""));
    const path: LngLat[] = onDay.flatMap(({ view }) => {
      if (view?.path && view.path.length > 0) return view.path;
      return view?.from ? [[view.from.lng, view.from.lat] as LngLat] : [];
    });
    return {
      slug: `day-${dayIndex + 1}`,
      title: day,
      colour: COLOURS[dayIndex] ?? "#2f7a4a",
      path,
      stops: onDay.map(({ view }, position) => ({
        position,
        name: view?.title ? pick(view.title, locale) : "",
        lat: view?.from?.lat ?? 0,
        lng: view?.from?.lng ?? 0,
        detail: view?.start ? `${view.start}–${view.end}` : undefined,
      })),
    };
  });
  if (routes.every((r) => r.stops.length === 0)) return null;
  return <LazyRouteMap routes={routes} tiles={tiles} mode="stops" labels={labels} className="h-72 sm:h-96" />;
}
