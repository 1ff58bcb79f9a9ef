import type { TileConfig } from "@/lib/map-tiles";
import { LazyRouteMap } from "./lazy-route-map";

/** One place (a festival's venue, a workshop) on a map of its own, under a heading. */
export function PlaceMap({
  heading,
  slug,
  title,
  place,
  tiles,
  tilesUnavailable,
}: {
  heading: string;
  slug: string;
  title: string;
  place: { name: string; lat: number; lng: number };
  tiles: TileConfig;
  tilesUnavailable: string;
}) {
  return (
    <section className="no-print">
      <h2 className="mb-2 font-semibold text-lg">{heading}</h2>
      <LazyRouteMap
        routes={[{ slug, title, colour: "#2f7a4a", path: [], stops: [{ position: 0, ...place }] }]}
        tiles={tiles}
        mode="place"
        labels={{ map: heading, tilesUnavailable }}
        className="h-64"
      />
    </section>
  );
}
