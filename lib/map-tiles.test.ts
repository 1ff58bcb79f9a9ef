import { describe, expect, it } from "vitest";
import { configuredTiles, fromDisplay, TIANDITU_REVIEW_NUMBER, tileConfig, toDisplay } from "./map-tiles";

describe("map tiles", () => {
  it("defaults to OpenStreetMap, drawn in WGS-84 unchanged", () => {
    const osm = tileConfig("osm");
    expect(osm.datum).toBe("wgs84");
    expect(toDisplay(30.0915, 120.2879, osm.datum)).toEqual([30.0915, 120.2879]);
  });

  it("uses Tianditu only with a key, and falls back to OpenStreetMap without one", () => {
    expect(tileConfig("tianditu").provider).toBe("osm");
    const tdt = tileConfig("tianditu", "abc&def");
    expect(tdt.datum).toBe("wgs84");
    expect(tdt.layers[0]?.url).toContain("tk=abc%26def");
  });

  it("credits Tianditu with its map review number (审图号), on the base layer only", () => {
    expect(TIANDITU_REVIEW_NUMBER).toMatch(/^GS\(\d{4}\)\d+号$/);
    const [base, labels] = tileConfig("tianditu", "key").layers;
    const text = (base?.attribution ?? "").replace(/<[^>]+>/g, "").replace("&copy;", "©");
    expect(text).toBe("© 天地图 GS(2024)0568号");
    expect(labels?.url).toContain("/cva_w/");
    expect(labels?.attribution).toBe("");
  });

  it("chooses Tianditu when only its key is set, MAP_TILES when set, OpenStreetMap otherwise", () => {
    expect(configuredTiles({ TIANDITU_KEY: "key" }).provider).toBe("tianditu");
    expect(configuredTiles({ TIANDITU_KEY: "key", MAP_TILES: "osm" }).provider).toBe("osm");
    expect(configuredTiles({ MAP_TILES: "gaode" }).provider).toBe("gaode");
    expect(configuredTiles({}).provider).toBe("osm");
    expect(configuredTiles({ TIANDITU_KEY: "" }).provider).toBe("osm");
    // Refused by lib/config.ts before the maps are drawn; the CSP still gets a working answer.
    expect(configuredTiles({ MAP_TILES: "tianditu" }).provider).toBe("osm");
  });

  it("shifts points onto GCJ-02 for Gaode by the few hundred metres China's datum needs, and back", () => {
    const [lat, lng] = toDisplay(30.0915, 120.2879, tileConfig("gaode").datum);
    // Known offset near Hangzhou: about +0.0045° longitude and −0.0024° latitude.
    expect(lng - 120.2879).toBeCloseTo(0.0045, 3);
    expect(lat - 30.0915).toBeCloseTo(-0.0024, 3);
    const [backLat, backLng] = fromDisplay(lat, lng, "gcj02");
    expect(backLat).toBeCloseTo(30.0915, 5);
    expect(backLng).toBeCloseTo(120.2879, 5);
  });
});
