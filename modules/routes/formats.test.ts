import { readFileSync } from "node:fs";
import path from "node:path";
import { check } from "@placemarkio/check-geojson";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { sampleRoute } from "../../tests/support/route-fixture";
import { routeToGeoJson } from "./geojson";
import { routeToGpx } from "./gpx";

const xsd = readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/gpx-1.1.xsd"), "utf8");

async function validateGpx(gpx: string) {
  return validateXML({
    xml: [{ fileName: "route.gpx", contents: gpx }],
    schema: [{ fileName: "gpx.xsd", contents: xsd }],
  });
}

describe("GPX export", () => {
  it("is valid GPX 1.1, with a waypoint per stop in order and the path as one track", async () => {
    const route = sampleRoute();
    const gpx = routeToGpx(route, "zh", "http://127.0.0.1/routes/cherry-walk");
    const result = await validateGpx(gpx);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect([...gpx.matchAll(/<wpt lat="([\d.]+)" lon="([\d.]+)">\s*<name>([^<]+)</g)].map((m) => m[3])).toEqual([
      "1. 祥里王村",
      "2. 袄庄陈村",
    ]);
    expect(gpx.match(/<trkpt /g)).toHaveLength(route.path.length);
    expect(gpx).toContain('<trkpt lat="30.065000" lon="120.290000"/>');
  });

  it("escapes markup in names and writes the English text on request", async () => {
    const gpx = routeToGpx(sampleRoute(), "en", "http://127.0.0.1/en/routes/cherry-walk?a=1&b=2");
    expect(gpx).toContain("<name>Cherries &amp; citrus &lt;picking&gt;</name>");
    expect(gpx).toContain('href="http://127.0.0.1/en/routes/cherry-walk?a=1&amp;b=2"');
    expect((await validateGpx(gpx)).valid).toBe(true);
  });

  it("is refused by the schema when broken (the check can fail)", async () => {
    const broken = routeToGpx(sampleRoute(), "zh", "http://x").replace('<trkpt lat="30.065000"', '<trkpt lat="95"');
    expect((await validateGpx(broken)).valid).toBe(false);
  });
});

describe("GeoJSON export", () => {
  it("is valid RFC 7946 GeoJSON: the path as a LineString and each stop as a Point, [lng, lat]", () => {
    const route = sampleRoute();
    const json = JSON.stringify(routeToGeoJson(route));
    const parsed = check(json);
    expect(parsed.type).toBe("FeatureCollection");
    const [line, ...stops] = routeToGeoJson(route).features;
    expect(line?.geometry).toEqual({ type: "LineString", coordinates: route.path });
    expect(stops.map((s) => s.geometry)).toEqual([
      { type: "Point", coordinates: [120.29, 30.065] },
      { type: "Point", coordinates: [120.28, 30.06] },
    ]);
    expect(stops.map((s) => s.properties?.position)).toEqual([1, 2]);
  });

  it("is refused by the validator when broken (the check can fail)", () => {
    const bad = JSON.stringify({
      type: "FeatureCollection",
      features: [{ type: "Feature", geometry: { type: "Point" } }],
    });
    expect(() => check(bad)).toThrow();
  });
});
