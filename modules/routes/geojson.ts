import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { RouteDto } from "./types";

// RFC 7946 GeoJSON: the path as a LineString and each stop as a Point, WGS-84 [lng, lat].
export function routeToGeoJson(route: RouteDto): FeatureCollection<LineString | Point> {
  const path: Feature<LineString> = {
    type: "Feature",
    geometry: { type: "LineString", coordinates: route.path.map(([lng, lat]) => [lng, lat]) },
    properties: {
      kind: "path",
      slug: route.slug,
      category: route.category,
      title: route.title,
      distanceMeters: route.distanceMeters,
      durationMinutes: route.durationMinutes,
    },
  };
  const stops = route.stops.map(
    (s): Feature<Point> => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [s.place.lng, s.place.lat] },
      properties: {
        kind: "stop",
        position: s.position + 1,
        slug: s.place.slug,
        name: s.place.name,
        suggestedMinutes: s.suggestedMinutes,
      },
    }),
  );
  return { type: "FeatureCollection", features: [path, ...stops] };
}
