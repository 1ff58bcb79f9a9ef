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
  /** Numbered markers for every stop (a route page), or one marker per route (the overview). */
  mode: "stops" | "overview";
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
    <div className={`relative ${props.className ?? "h-80"}`}>
      <MapContainer
        center={[30.075, 120.295]}
        zoom={13}
        scrollWheelZoom={false}
        className="h-full w-full rounded-xl"
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
        // At the top, right of the zoom buttons: the bottom edge carries the tiles' credit.
        <p
          role="status"
          className="pointer-events-none absolute top-2 right-2 left-14 z-[1000] rounded bg-white/90 px-3 py-1.5 text-stone-700 text-xs shadow"
        >
          {labels.tilesUnavailable}
        </p>
      ) : null}
    </div>
  );
}
