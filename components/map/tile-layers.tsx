"use client";
import { useEffect } from "react";
import { TileLayer, useMap } from "react-leaflet";
import type { TileConfig } from "@/lib/map-tiles";

/** The credit line names the tiles' makers only: no "🇺🇦 Leaflet" prefix before them. */
function WithoutLeafletPrefix() {
  const map = useMap();
  useEffect(() => {
    map.attributionControl?.setPrefix(false);
  }, [map]);
  return null;
}

/**
 * The configured background layers; tile events let a map say when the background is missing.
 * Every map draws its background through this (the route maps, the route editor, the place
 * picker), so each also loses Leaflet's attribution prefix here.
 */
export function TileLayers({
  tiles,
  onError,
  onLoad,
}: {
  tiles: TileConfig;
  onError?: () => void;
  onLoad?: () => void;
}) {
  return (
    <>
      <WithoutLeafletPrefix />
      {tiles.layers.map((layer) => (
        <TileLayer
          key={layer.url}
          url={layer.url}
          subdomains={layer.subdomains || "abc"}
          attribution={layer.attribution}
          maxZoom={tiles.maxZoom}
          eventHandlers={{ tileerror: () => onError?.(), tileload: () => onLoad?.() }}
        />
      ))}
    </>
  );
}
