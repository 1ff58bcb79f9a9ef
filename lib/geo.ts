// Plain geometry on WGS-84 coordinates; [lng, lat] order as in GeoJSON.
export type LngLat = [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters([lng1, lat1]: LngLat, [lng2, lat2]: LngLat): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a path in metres, rounded to the metre. */
export function pathLengthMeters(path: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++) total += distanceMeters(path[i - 1] as LngLat, path[i] as LngLat);
  return Math.round(total);
}

export type TravelMode = "foot" | "bicycle" | "car";

// Average moving speeds on village lanes, in km/h: a leisurely walk, an easy ride,
// and a car on narrow roads with stops.
const SPEED_KMH: Record<TravelMode, number> = { foot: 4, bicycle: 12, car: 30 };

export function travelMinutes(meters: number, mode: TravelMode): number {
  return Math.ceil((meters / 1000 / SPEED_KMH[mode]) * 60);
}
