import { type TravelMode, travelMinutes } from "@/lib/geo";
import type { RouteDto } from "./types";

export const TRAVEL_MODES = ["foot", "bicycle", "car"] as const satisfies readonly TravelMode[];

/** Total time per way of travelling: moving along the path plus the suggested time at each stop. */
export function routeTimes(route: Pick<RouteDto, "distanceMeters" | "stops">): Record<TravelMode, number> {
  const atStops = route.stops.reduce((sum, s) => sum + s.suggestedMinutes, 0);
  return {
    foot: travelMinutes(route.distanceMeters, "foot") + atStops,
    bicycle: travelMinutes(route.distanceMeters, "bicycle") + atStops,
    car: travelMinutes(route.distanceMeters, "car") + atStops,
  };
}

/**
 * The duration a route is listed with: walking for short routes, cycling beyond
 * 6 km, plus the time at the stops.
 */
export function listedDuration(distanceMeters: number, stopMinutes: number[]): number {
  const mode = distanceMeters <= 6000 ? "foot" : "bicycle";
  return travelMinutes(distanceMeters, mode) + stopMinutes.reduce((a, b) => a + b, 0);
}
