import { describe, expect, it } from "vitest";
import { sampleRoute } from "../../tests/support/route-fixture";
import { listRoutesResponse, type RouteLoaders, routeGeoJsonResponse, routeGpxResponse, routeResponse } from "./api";

const red = sampleRoute({ slug: "red-one", category: "red" });
const picking = sampleRoute({ slug: "picking-one", category: "picking" });
const loaders: RouteLoaders = {
  all: async () => [red, picking],
  one: async (slug) => [red, picking].find((r) => r.slug === slug) ?? null,
};

describe("GET /api/routes", () => {
  it("lists published routes in the documented shape, stops in order", async () => {
    const response = await listRoutesResponse(null, "zh-CN", loaders);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.routes.map((r: { slug: string }) => r.slug)).toEqual(["red-one", "picking-one"]);
    expect(body.routes[1]).toMatchObject({
      slug: "picking-one",
      category: "picking",
      title: { zh: "樱桃 & 柑橘 <采摘>", en: "Cherries & citrus <picking>" },
      distanceKm: 2.3,
      durationMinutes: 150,
      months: [4, 5],
      stops: [
        { name: { zh: "祥里王村", en: "Xiangliwang village" }, lat: 30.065, lng: 120.29 },
        { name: { zh: "袄庄陈村", en: "Aozhuangchen village" }, lat: 30.06, lng: 120.28 },
      ],
    });
  });

  it("filters by category", async () => {
    const body = await (await listRoutesResponse("red", "en", loaders)).json();
    expect(body.routes.map((r: { slug: string }) => r.slug)).toEqual(["red-one"]);
  });

  it("answers an unknown category with 400 and a message in the caller's language", async () => {
    const zh = await listRoutesResponse("hiking", "zh-CN", loaders);
    expect(zh.status).toBe(400);
    expect(await zh.json()).toEqual({
      error: "invalid_category",
      message: "未知的线路类别“hiking”。可选：red（红色游）、study（研学游）、picking（采摘游）。",
    });
    const en = await listRoutesResponse("RED", "en", loaders);
    expect((await en.json()).message).toBe("Unknown route category “RED”. Use red, study or picking.");
  });
});

describe("GET /api/routes/{slug}", () => {
  it("answers one route in the same shape", async () => {
    const body = await (await routeResponse("red-one", "zh-CN", loaders)).json();
    expect(body.slug).toBe("red-one");
    expect(body.stops).toHaveLength(2);
  });

  it("answers 404 not_found for an unknown or unpublished slug, also for GPX and GeoJSON", async () => {
    for (const response of [
      await routeResponse("nope", "zh-CN", loaders),
      await routeGpxResponse("nope", "zh-CN", "http://127.0.0.1", loaders),
      await routeGeoJsonResponse("nope", "en", loaders),
    ]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error).toBe("not_found");
    }
  });

  it("serves GPX and GeoJSON with their media types as downloads", async () => {
    const gpx = await routeGpxResponse("red-one", "en", "http://127.0.0.1:3000", loaders);
    expect(gpx.headers.get("content-type")).toBe("application/gpx+xml; charset=utf-8");
    expect(gpx.headers.get("content-disposition")).toBe('attachment; filename="suoqian-red-one.gpx"');
    expect(await gpx.text()).toContain('<link href="http://127.0.0.1:3000/en/routes/red-one">');
    const geo = await routeGeoJsonResponse("red-one", "en", loaders);
    expect(geo.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    expect((await geo.json()).type).toBe("FeatureCollection");
  });
});
