import gcoord from "gcoord";

// Background map providers. Coordinates are stored in WGS-84; OpenStreetMap and
// Tianditu draw in WGS-84, Gaode in GCJ-02, so points are shifted only for Gaode.

export const TILE_PROVIDERS = ["osm", "tianditu", "gaode"] as const;
export type TileProviderName = (typeof TILE_PROVIDERS)[number];

/**
 * Tianditu's map review number (审图号), which its terms require beside its maps. It is
 * renewed from time to time: when the number in the footer of https://www.tianditu.gov.cn/
 * changes, update it here (the only place it is written).
 */
export const TIANDITU_REVIEW_NUMBER = "GS(2024)0568号";

export type TileConfig = {
  provider: TileProviderName;
  layers: { url: string; subdomains: string; attribution: string }[];
  datum: "wgs84" | "gcj02";
  maxZoom: number;
};

export function tileConfig(provider: TileProviderName, tiandituKey?: string): TileConfig {
  if (provider === "tianditu" && tiandituKey) {
    const wmts = (layer: string) =>
      `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tiandituKey)}`;
    const attribution = `&copy; <a href="https://www.tianditu.gov.cn/">天地图</a> ${TIANDITU_REVIEW_NUMBER}`;
    return {
      provider,
      datum: "wgs84",
      maxZoom: 18,
      layers: [
        { url: wmts("vec"), subdomains: "01234567", attribution },
        { url: wmts("cva"), subdomains: "01234567", attribution: "" },
      ],
    };
  }
  if (provider === "gaode") {
    return {
      provider,
      datum: "gcj02",
      maxZoom: 18,
      layers: [
        {
          url: "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
          subdomains: "1234",
          attribution: "&copy; 高德地图",
        },
      ],
    };
  }
  return {
    provider: "osm",
    datum: "wgs84",
    maxZoom: 19,
    layers: [
      {
        url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        subdomains: "",
        attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
      },
    ],
  };
}

/**
 * The tiles the settings choose: MAP_TILES when set; otherwise Tianditu when TIANDITU_KEY is
 * set (its WGS-84 tiles are the mainland's own, and load there); otherwise OpenStreetMap.
 * The one place this is decided: lib/config.ts (the pages' maps) and proxy.ts (the CSP's
 * img-src) both call it, so a map never asks for tiles its page's policy refuses.
 * lib/config.ts refuses an unknown MAP_TILES, and MAP_TILES=tianditu without a key, first.
 */
export function configuredTiles(settings: { MAP_TILES?: string; TIANDITU_KEY?: string }): TileConfig {
  const key = settings.TIANDITU_KEY || undefined;
  const chosen = TILE_PROVIDERS.find((p) => p === settings.MAP_TILES);
  return tileConfig(chosen ?? (key ? "tianditu" : "osm"), key);
}

/** Where a stored WGS-84 point is drawn on the given tiles, as [lat, lng] for Leaflet. */
export function toDisplay(lat: number, lng: number, datum: TileConfig["datum"]): [number, number] {
  if (datum === "wgs84") return [lat, lng];
  const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return [gLat, gLng];
}

/** The inverse, for a point picked on the map (the route editor). */
export function fromDisplay(lat: number, lng: number, datum: TileConfig["datum"]): [number, number] {
  if (datum === "wgs84") return [lat, lng];
  const [wLng, wLat] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return [wLat, wLng];
}
