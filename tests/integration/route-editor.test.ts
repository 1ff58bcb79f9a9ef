import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceMeters } from "../../lib/geo";
import { SUOQIAN_REGION } from "../../lib/region";
import { UserError } from "../../lib/user-error";
import type { AuditActor } from "../../modules/audit/record-audit";
import { setRoutePublished } from "../../modules/routes/publish-route";
import { findPublishedRoute } from "../../modules/routes/route-queries";
import { saveRoute } from "../../modules/routes/save-route";
import { type RouteInput, routeInputSchema } from "../../modules/routes/schemas";
import { testDb as db } from "../support/db";

const created: string[] = [];
let admin: AuditActor;
beforeAll(async () => {
  admin = await db.user.findUniqueOrThrow({
    where: { email: "admin@suoqian.test" },
    select: { id: true, email: true, role: true },
  });
});
afterAll(async () => {
  await db.route.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

async function twoPlaces() {
  const [a, b] = await db.place.findMany({ where: { slug: { in: ["dujia", "eco-park"] } }, orderBy: { slug: "asc" } });
  if (!a || !b) throw new Error("seeded places missing");
  return [a, b] as const;
}

function input(overrides: Record<string, unknown>): RouteInput {
  return routeInputSchema(SUOQIAN_REGION).parse({
    category: "picking",
    difficulty: "easy",
    titleZh: "测试线路",
    titleEn: "Test route",
    summaryZh: "测试",
    summaryEn: "Test",
    months: [6],
    path: null,
    ...overrides,
  });
}

describe("saving a route in the editor", () => {
  it("creates a draft with ordered stops and a new place, measured from its path", async () => {
    const [eco, dujia] = await twoPlaces();
    const saved = await saveRoute(
      input({
        slug: `editor-${Date.now()}`,
        stops: [
          { placeId: dujia.id, suggestedMinutes: 40 },
          { newPlace: { nameZh: "杨梅林", nameEn: "Bayberry grove", lat: 30.071, lng: 120.318 }, suggestedMinutes: 60 },
          { placeId: eco.id, suggestedMinutes: 30, noteZh: "采摘区", noteEn: "Picking area" },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    );
    created.push(saved.id);
    const route = await db.route.findUniqueOrThrow({
      where: { id: saved.id },
      include: { stops: { orderBy: { position: "asc" }, include: { place: true } }, months: true },
    });
    expect(route.status).toBe("DRAFT");
    expect(route.stops.map((s) => s.place.nameEn)).toEqual([dujia.nameEn, "Bayberry grove", eco.nameEn]);
    expect(route.stops[1]?.place.precision).toBe("APPROXIMATE");
    expect(route.stops[2]?.noteEn).toBe("Picking area");
    const expected =
      distanceMeters([dujia.lng, dujia.lat], [120.318, 30.071]) + distanceMeters([120.318, 30.071], [eco.lng, eco.lat]);
    expect(route.distanceMeters).toBe(Math.round(expected));
    expect(route.durationMinutes).toBeGreaterThan(130);
    expect(route.months.map((m) => m.month)).toEqual([6]);
    // Drafts stay out of the public read model.
    expect(await findPublishedRoute(route.slug)).toBeNull();
  });

  it("reorders stops and keeps a drawn path on update", async () => {
    const [eco, dujia] = await twoPlaces();
    const slug = `editor-reorder-${Date.now()}`;
    const first = await saveRoute(
      input({
        slug,
        stops: [
          { placeId: dujia.id, suggestedMinutes: 30 },
          { placeId: eco.id, suggestedMinutes: 30 },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    );
    created.push(first.id);
    const path = [
      [eco.lng, eco.lat],
      [120.32, 30.075],
      [dujia.lng, dujia.lat],
    ];
    await saveRoute(
      input({
        id: first.id,
        slug,
        path,
        stops: [
          { placeId: eco.id, suggestedMinutes: 30 },
          { placeId: dujia.id, suggestedMinutes: 30 },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    );
    const route = await db.route.findUniqueOrThrow({
      where: { id: first.id },
      include: { stops: { orderBy: { position: "asc" } } },
    });
    expect(route.stops.map((s) => s.placeId)).toEqual([eco.id, dujia.id]);
    expect(route.path).toEqual(path);
  });

  it("refuses a slug another route has, and changes nothing", async () => {
    const [eco, dujia] = await twoPlaces();
    const taken = (await db.route.findFirstOrThrow({ where: { status: "PUBLISHED" } })).slug;
    const before = await db.route.count();
    const error = await saveRoute(
      input({
        slug: taken,
        stops: [
          { placeId: dujia.id, suggestedMinutes: 30 },
          { placeId: eco.id, suggestedMinutes: 30 },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fields).toEqual({ slug: "validation.route.slugTaken" });
    expect(await db.route.count()).toBe(before);
  });

  it("refuses an unknown place and a place outside the region", async () => {
    const [eco] = await twoPlaces();
    const error = await saveRoute(
      input({
        slug: `editor-bad-${Date.now()}`,
        stops: [
          { placeId: "nope", suggestedMinutes: 30 },
          { placeId: eco.id, suggestedMinutes: 30 },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    ).catch((e: unknown) => e);
    expect((error as UserError).fields).toEqual({ "stops.0": "validation.route.unknownPlace" });
    const tiny = { south: 30.0, west: 120.0, north: 30.01, east: 120.01 };
    const outside = await saveRoute(
      input({
        slug: `editor-out-${Date.now()}`,
        stops: [
          { placeId: eco.id, suggestedMinutes: 30 },
          { placeId: eco.id, suggestedMinutes: 30 },
        ],
      }),
      tiny,
      admin,
    ).catch((e: unknown) => e);
    expect((outside as UserError).fields).toEqual({
      "stops.0": "validation.route.outsideRegion",
      "stops.1": "validation.route.outsideRegion",
    });
  });

  it("publishes and withdraws, and the public read model follows", async () => {
    const [eco, dujia] = await twoPlaces();
    const saved = await saveRoute(
      input({
        slug: `editor-pub-${Date.now()}`,
        stops: [
          { placeId: dujia.id, suggestedMinutes: 30 },
          { placeId: eco.id, suggestedMinutes: 30 },
        ],
      }),
      SUOQIAN_REGION,
      admin,
    );
    created.push(saved.id);
    await setRoutePublished(admin, saved.id, true);
    expect((await findPublishedRoute(saved.slug))?.stops).toHaveLength(2);
    await setRoutePublished(admin, saved.id, false);
    expect(await findPublishedRoute(saved.slug)).toBeNull();
  });
});
