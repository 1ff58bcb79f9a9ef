"use client";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useMemo, useState } from "react";
import { MapContainer, Marker, Polyline, Popup, useMap } from "react-leaflet";
import type { LngLat } from "@/lib/geo";
import { type TileConfig, toDisplay } from "@/lib/map-tiles";
import { TileLayers } from "./tile-layers";

export type MapStop = { position: number; name: string; lat: number; lng: number; detail?: string };
export type MapRoute = { slug: string; title: string; colour: string; path: LngLat[]; stops: MapStop[] };

export type RouteMapProps = {
  routes: MapRoute[];
  tiles: TileConfig;
  /**
   * Numbered markers for every stop (a route page), one marker per route (the overview), or
   * one unnumbered pin per stop, titled with its name (a single place: a festival's venue, a workshop).
   */
  mode: "stops" | "overview" | "place";
  highlighted?: string | null;
  activeStop?: number | null;
  onSelectRoute?: (slug: string) => void;
  onSelectStop?: (position: number) => void;
  labels: { map: string; tilesUnavailable: string };
  className?: string;
};

function markerIcon(text: string, colour: string, active: boolean) {
  return L.divIcon({
    className: "sq-marker",
    html: `<span style="background:${colour}" class="${active ? "sq-marker-active" : ""}">${text}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -14],
  });
}

/** A map pin, without a number: the one place of a place map. */
function pinIcon(colour: string) {
  return L.divIcon({
    className: "sq-pin",
    html: `<svg width="28" height="38" viewBox="0 0 28 38" style="display:block;filter:drop-shadow(0 1px 2px rgb(0 0 0 / 0.4))" aria-hidden="true"><path d="M14 1.5C7 1.5 1.5 6.9 1.5 13.7 1.5 23 14 36.5 14 36.5S26.5 23 26.5 13.7C26.5 6.9 21 1.5 14 1.5Z" fill="${colour}" stroke="#fff" stroke-width="2"/><circle cx="14" cy="13.5" r="4.5" fill="#fff"/></svg>`,
    iconSize: [28, 38],
    iconAnchor: [14, 37],
    popupAnchor: [0, -34],
  });
}

/** Leaflet sizes its panes once: tell it when the status line below takes some of the box's height. */
function FollowSize({ watch }: { watch: unknown }) {
  const map = useMap();
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again when what changes the size changes
  useEffect(() => {
    map.invalidateSize();
  }, [map, watch]);
  return null;
}

function FitToRoutes({ points }: { points: [number, number][] }) {
  const map = useMap();
  const key = points.map((p) => p.join(",")).join(";");
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the set of points changes
  useEffect(() => {
    if (points.length === 0) return;
    map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
  }, [map, key]);
  return null;
}

/** Client-only Leaflet map. Paths and markers are vector layers, so they work without tiles. */
export function RouteMap(props: RouteMapProps) {
  const { routes, tiles, mode, highlighted, activeStop, onSelectRoute, onSelectStop, labels } = props;
  const [tilesFailed, setTilesFailed] = useState(false);
  const [tilesLoaded, setTilesLoaded] = useState(false);

  useEffect(() => {
    // A weak signal may neither load nor fail tiles for a long time: say so after 8 s.
    const timer = setTimeout(() => setTilesFailed((failed) => failed || !tilesLoaded), 8000);
    return () => clearTimeout(timer);
  }, [tilesLoaded]);

  const drawn = useMemo(
    () =>
      routes.map((r) => ({
        ...r,
        line: r.path.map(([lng, lat]) => toDisplay(lat, lng, tiles.datum)),
        markers: r.stops.map((s) => ({ ...s, at: toDisplay(s.lat, s.lng, tiles.datum) })),
      })),
    [routes, tiles.datum],
  );
  const points = drawn.flatMap((r) => [...r.line, ...r.markers.map((m) => m.at)]);

  return (
    // The map fills the box; when the tiles are missing, a status line below it takes the
    // bottom of the box, so it covers no marker and the page around does not move.
    <div className={`flex flex-col ${props.className ?? "h-80"}`}>
      <MapContainer
        center={[30.075, 120.295]}
        zoom={13}
        scrollWheelZoom={false}
        className="min-h-0 w-full flex-1 rounded-xl"
        aria-label={labels.map}
      >
        <TileLayers
          tiles={tiles}
          onError={() => setTilesFailed(true)}
          onLoad={() => {
            setTilesLoaded(true);
            setTilesFailed(false);
          }}
        />
        <FollowSize watch={tilesFailed} />
        <FitToRoutes points={points} />
        {drawn.map((r) => {
          const on = !highlighted || highlighted === r.slug;
          return (
            <Polyline
              key={r.slug}
              positions={r.line}
              pathOptions={{ color: r.colour, weight: highlighted === r.slug ? 7 : 4, opacity: on ? 0.9 : 0.35 }}
              eventHandlers={{ click: () => onSelectRoute?.(r.slug) }}
            />
          );
        })}
        {mode === "overview"
          ? drawn.map((r) =>
              r.markers[0] ? (
                <Marker
                  key={r.slug}
                  position={r.markers[0].at}
                  title={r.title}
                  alt={r.title}
                  icon={markerIcon("●", r.colour, highlighted === r.slug)}
                  eventHandlers={{ click: () => onSelectRoute?.(r.slug) }}
                />
              ) : null,
            )
          : mode === "place"
            ? drawn.flatMap((r) =>
                r.markers.map((m) => (
                  <Marker
                    key={`${r.slug}-${m.position}`}
                    position={m.at}
                    title={m.name}
                    alt={m.name}
                    icon={pinIcon(r.colour)}
                  >
                    <Popup>
                      <strong>{m.name}</strong>
                      {m.detail ? <div>{m.detail}</div> : null}
                    </Popup>
                  </Marker>
                )),
              )
            : drawn.flatMap((r) =>
                r.markers.map((m) => (
                  <Marker
                    key={`${r.slug}-${m.position}`}
                    position={m.at}
                    title={`${m.position + 1}. ${m.name}`}
                    alt={`${m.position + 1}. ${m.name}`}
                    icon={markerIcon(String(m.position + 1), r.colour, activeStop === m.position)}
                    eventHandlers={{ click: () => onSelectStop?.(m.position) }}
                  >
                    <Popup>
                      <strong>
                        {m.position + 1}. {m.name}
                      </strong>
                      {m.detail ? <div>{m.detail}</div> : null}
                    </Popup>
                  </Marker>
                )),
              )}
      </MapContainer>
      {tilesFailed ? (
        <p role="status" className="mt-1.5 shrink-0 text-stone-600 text-xs">
          {labels.tilesUnavailable}
        </p>
      ) : null}
    </div>
  );
}
