import gcoord from "gcoord";

// Background map providers. Coordinates are stored in WGS-84; OpenStreetMap and
// Tianditu draw in WGS-84, Gaode in GCJ-02, so points are shifted only for Gaode.

export type TileProviderName = "osm" | "tianditu" | "gaode";

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
    const attribution = '&copy; <a href="https://www.tianditu.gov.cn/">天地图</a>';
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
