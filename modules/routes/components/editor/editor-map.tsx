"use client";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect } from "react";
import { MapContainer, Marker, Polyline, Rectangle, useMap, useMapEvents } from "react-leaflet";
import { TileLayers } from "@/components/map/tile-layers";
import type { LngLat } from "@/lib/geo";
import { fromDisplay, type TileConfig, toDisplay } from "@/lib/map-tiles";
import type { Region } from "@/lib/region";

export type EditorMapProps = {
  tiles: TileConfig;
  region: Region;
  stops: { label: string; lat: number; lng: number }[];
  path: LngLat[];
  mode: "view" | "addPlace" | "drawPath";
  onMapClick: (lat: number, lng: number) => void;
  onMoveVertex: (index: number, lat: number, lng: number) => void;
  label: string;
};

const vertexIcon = L.divIcon({ className: "sq-vertex", html: "<span></span>", iconSize: [14, 14], iconAnchor: [7, 7] });
const stopIcon = (text: string) =>
  L.divIcon({
    className: "sq-marker",
    html: `<span style="background:#246039">${text}</span>`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
  });

function Clicks({ onClick, datum }: { onClick: EditorMapProps["onMapClick"]; datum: TileConfig["datum"] }) {
  useMapEvents({
    click(e) {
      const [lat, lng] = fromDisplay(e.latlng.lat, e.latlng.lng, datum);
      onClick(lat, lng);
    },
  });
  return null;
}

function FitRegion({ region, datum }: { region: Region; datum: TileConfig["datum"] }) {
  const map = useMap();
  useEffect(() => {
    map.fitBounds([toDisplay(region.south, region.west, datum), toDisplay(region.north, region.east, datum)]);
  }, [map, region, datum]);
  return null;
}

export function EditorMap({ tiles, region, stops, path, mode, onMapClick, onMoveVertex, label }: EditorMapProps) {
  const d = tiles.datum;
  return (
    <MapContainer
      center={[30.075, 120.295]}
      zoom={13}
      className={`h-full w-full rounded-xl ${mode === "view" ? "" : "cursor-crosshair"}`}
      aria-label={label}
    >
      <TileLayers tiles={tiles} />
      <FitRegion region={region} datum={d} />
      <Clicks onClick={onMapClick} datum={d} />
      <Rectangle
        bounds={[toDisplay(region.south, region.west, d), toDisplay(region.north, region.east, d)]}
        pathOptions={{ color: "#78716c", weight: 1, dashArray: "4 4", fill: false, interactive: false }}
      />
      <Polyline
        positions={path.map(([lng, lat]) => toDisplay(lat, lng, d))}
        pathOptions={{ color: "#b91c1c", weight: 4 }}
      />
      {stops.map((s, i) => (
        <Marker
          // biome-ignore lint/suspicious/noArrayIndexKey: a stop marker is its position in the route
          key={`s${i}-${s.lat}-${s.lng}`}
          position={toDisplay(s.lat, s.lng, d)}
          icon={stopIcon(String(i + 1))}
          title={s.label}
        />
      ))}
      {mode === "drawPath"
        ? path.map(([lng, lat], i) => (
            <Marker
              // biome-ignore lint/suspicious/noArrayIndexKey: a path vertex is its position in the path
              key={`v${i}-${lat}-${lng}`}
              position={toDisplay(lat, lng, d)}
              icon={vertexIcon}
              draggable
              eventHandlers={{
                dragend: (e) => {
                  const at = (e.target as L.Marker).getLatLng();
                  const [wLat, wLng] = fromDisplay(at.lat, at.lng, d);
                  onMoveVertex(i, wLat, wLng);
                },
              }}
            />
          ))
        : null}
    </MapContainer>
  );
}
