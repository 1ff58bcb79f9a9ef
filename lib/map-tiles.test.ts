import { describe, expect, it } from "vitest";
import { fromDisplay, tileConfig, toDisplay } from "./map-tiles";

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
