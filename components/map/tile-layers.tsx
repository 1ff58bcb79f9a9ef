"use client";
import { TileLayer } from "react-leaflet";
import type { TileConfig } from "@/lib/map-tiles";

/** The configured background layers; tile events let a map say when the background is missing. */
export function TileLayers({
  tiles,
  onError,
  onLoad,
}: {
  tiles: TileConfig;
  onError?: () => void;
  onLoad?: () => void;
}) {
  return tiles.layers.map((layer) => (
    <TileLayer
      key={layer.url}
      url={layer.url}
      subdomains={layer.subdomains || "abc"}
      attribution={layer.attribution}
      maxZoom={tiles.maxZoom}
      eventHandlers={{ tileerror: () => onError?.(), tileload: () => onLoad?.() }}
    />
  ));
}
