import { afterAll, describe, expect, it } from "vitest";
import { findNearby } from "../../modules/routes/nearby-queries";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

describe("what else is on along a route", () => {
  it("finds the bayberry festival and the Dujia workshop's produce near a stop at Dujia", async () => {
    const dujia = await db.place.findUniqueOrThrow({ where: { slug: "dujia" } });
    const workshop = await db.workshop.findFirstOrThrow({
      where: { placeId: dujia.id },
      include: { products: { where: { status: "PUBLISHED" } } },
    });
    const nearby = await findNearby([[dujia.lng, dujia.lat]]);
    expect(nearby.festivals.map((f) => f.slug)).toContain("bayberry-festival");
    expect(nearby.products.length).toBeGreaterThan(0);
    expect(nearby.products.length).toBeLessThanOrEqual(6);
    expect(nearby.products.map((p) => p.workshop.zh)).toContain(workshop.nameZh);
  });

  it("finds nothing for a stop far from every venue and workshop", async () => {
    expect(await findNearby([[120.242, 30.118]])).toEqual({ festivals: [], products: [] });
  });

  it("leaves out festivals that have ended", async () => {
    const dujia = await db.place.findUniqueOrThrow({ where: { slug: "dujia" } });
    const later = new Date(Date.now() + 3 * 365 * 24 * 3600 * 1000);
    expect((await findNearby([[dujia.lng, dujia.lat]], later)).festivals).toEqual([]);
  });
});
