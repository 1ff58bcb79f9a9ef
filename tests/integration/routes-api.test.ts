import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { listRoutesResponse, type RouteLoaders, routeGpxResponse, routeResponse } from "../../modules/routes/api";
import { findPublishedRoute, findPublishedRoutes } from "../../modules/routes/route-queries";
import { testDb as db } from "../support/db";

// The API over the real read model (uncached: Next's data cache needs a running server,
// which the Playwright journeys cover).
const loaders: RouteLoaders = { all: findPublishedRoutes, one: findPublishedRoute };
const DRAFT = "draft-route-for-tests";

beforeAll(async () => {
  const place = await db.place.findFirstOrThrow();
  await db.route.deleteMany({ where: { slug: DRAFT } });
  await db.route.create({
    data: {
      slug: DRAFT,
      category: "RED",
      titleZh: "草稿",
      titleEn: "Draft",
      summaryZh: "",
      summaryEn: "",
      path: [],
      distanceMeters: 0,
      durationMinutes: 0,
      status: "DRAFT",
      stops: { create: [{ placeId: place.id, position: 0 }] },
    },
  });
});

afterAll(async () => {
  await db.route.deleteMany({ where: { slug: DRAFT } });
  await db.$disconnect();
});

type ApiRoute = { slug: string; category: string; stops: { lat: number; lng: number }[] };

describe("routes API on the database", () => {
  it("lists only published routes, at least three per category", async () => {
    const { routes } = (await (await listRoutesResponse(null, "zh-CN", loaders)).json()) as { routes: ApiRoute[] };
    expect(routes.map((r) => r.slug)).not.toContain(DRAFT);
    for (const category of ["red", "study", "picking"]) {
      expect(routes.filter((r) => r.category === category).length).toBeGreaterThanOrEqual(3);
    }
    expect(routes.length).toBe(await db.route.count({ where: { status: "PUBLISHED" } }));
  });

  it("filters by category", async () => {
    const { routes } = (await (await listRoutesResponse("study", "en", loaders)).json()) as { routes: ApiRoute[] };
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.every((r) => r.category === "study")).toBe(true);
  });

  it("gives the stops in their visiting order", async () => {
    const row = await db.route.findFirstOrThrow({
      where: { status: "PUBLISHED" },
      include: { stops: { orderBy: { position: "asc" }, include: { place: true } } },
    });
    const body = (await (await routeResponse(row.slug, "zh-CN", loaders)).json()) as ApiRoute;
    expect(body.stops.map((s) => [s.lat, s.lng])).toEqual(row.stops.map((s) => [s.place.lat, s.place.lng]));
  });

  it("hides a draft route (404)", async () => {
    expect((await routeResponse(DRAFT, "zh-CN", loaders)).status).toBe(404);
  });

  it("exports every published route as valid GPX 1.1", async () => {
    const xsd = readFileSync(path.join(import.meta.dirname, "../fixtures/gpx-1.1.xsd"), "utf8");
    for (const route of await findPublishedRoutes()) {
      const gpx = await (await routeGpxResponse(route.slug, "zh-CN", "http://127.0.0.1:3000", loaders)).text();
      const result = await validateXML({
        xml: [{ fileName: `${route.slug}.gpx`, contents: gpx }],
        schema: [{ fileName: "gpx.xsd", contents: xsd }],
      });
      expect(result.errors, route.slug).toEqual([]);
    }
  });
});
