"use client";
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect } from "react";
import { MapContainer, Marker, Rectangle, useMap, useMapEvents } from "react-leaflet";
import { TileLayers } from "@/components/map/tile-layers";
import { fromDisplay, type TileConfig, toDisplay } from "@/lib/map-tiles";
import type { Region } from "@/lib/region";

// One point on the map, as the route editor's map draws it (same tiles, datum shift and
// region frame), but with a single marker that a click places and a drag moves.

export type PlacePickerMapProps = {
  tiles: TileConfig;
  region: Region;
  point: { lat: number; lng: number } | null;
  onPick: (lat: number, lng: number) => void;
  label: string;
  markerLabel: string;
  /** Changes when a pick was refused, so a dragged marker jumps back to the point. */
  resetKey?: number;
};

const pinIcon = L.divIcon({
  className: "sq-marker",
  html: '<span style="background:#246039">★</span>',
  iconSize: [28, 28],
  iconAnchor: [14, 14],
});

function Clicks({ onPick, datum }: { onPick: PlacePickerMapProps["onPick"]; datum: TileConfig["datum"] }) {
  useMapEvents({
    click(e) {
      const [lat, lng] = fromDisplay(e.latlng.lat, e.latlng.lng, datum);
      onPick(lat, lng);
    },
  });
  return null;
}

function FitOnce({
  region,
  point,
  datum,
}: Pick<PlacePickerMapProps, "region" | "point"> & { datum: TileConfig["datum"] }) {
  const map = useMap();
  // biome-ignore lint/correctness/useExhaustiveDependencies: frame the map once; later picks must not move it
  useEffect(() => {
    if (point) map.setView(toDisplay(point.lat, point.lng, datum), 15);
    else map.fitBounds([toDisplay(region.south, region.west, datum), toDisplay(region.north, region.east, datum)]);
  }, [map]);
  return null;
}

export function PlacePickerMap({
  tiles,
  region,
  point,
  onPick,
  label,
  markerLabel,
  resetKey = 0,
}: PlacePickerMapProps) {
  const d = tiles.datum;
  return (
    <MapContainer
      center={[30.075, 120.295]}
      zoom={13}
      className="h-full w-full cursor-crosshair rounded-xl"
      aria-label={label}
    >
      <TileLayers tiles={tiles} />
      <FitOnce region={region} point={point} datum={d} />
      <Clicks onPick={onPick} datum={d} />
      <Rectangle
        bounds={[toDisplay(region.south, region.west, d), toDisplay(region.north, region.east, d)]}
        pathOptions={{ color: "#78716c", weight: 1, dashArray: "4 4", fill: false, interactive: false }}
      />
      {point ? (
        <Marker
          key={resetKey}
          position={toDisplay(point.lat, point.lng, d)}
          icon={pinIcon}
          title={markerLabel}
          draggable
          eventHandlers={{
            dragend: (e) => {
              const at = (e.target as L.Marker).getLatLng();
              const [lat, lng] = fromDisplay(at.lat, at.lng, d);
              onPick(lat, lng);
            },
          }}
        />
      ) : null}
    </MapContainer>
  );
}
