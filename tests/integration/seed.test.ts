import { afterAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../modules/auth/password";
import { products as seedProducts } from "../../prisma/seed/data";
import { DEMO_ACCOUNTS, PUBLISHED_DEMO_PASSWORD, seedDatabase } from "../../prisma/seed/seed";
import { testDb as db, demoPassword } from "../support/db";

afterAll(() => db.$disconnect());

async function counts() {
  const [users, places, routes, stops, festivals, ticketTypes, sessions, workshops, farmers, products] =
    await Promise.all([
      db.user.count(),
      db.place.count(),
      db.route.count(),
      db.routeStop.count(),
      db.festival.count(),
      db.ticketType.count(),
      db.festivalSession.count(),
      db.workshop.count(),
      db.farmerProfile.count(),
      db.product.count(),
    ]);
  return { users, places, routes, stops, festivals, ticketTypes, sessions, workshops, farmers, products };
}

describe("demo seed", () => {
  it("has one demo account per role, opened by this install's demo password and never the published one", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { role: true, passwordHash: true },
      });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash, demoPassword)).toBe(true);
      expect(await verifyPassword(user.passwordHash, PUBLISHED_DEMO_PASSWORD)).toBe(false);
    }
  });

  it("moves a demo account still opened by the published password to the demo password, ending its sessions", async () => {
    const admin = await db.user.findUniqueOrThrow({
      where: { email: "admin@suoqian.test" },
      omit: { passwordHash: false },
    });
    await db.user.update({
      where: { id: admin.id },
      data: { passwordHash: await hashPassword(PUBLISHED_DEMO_PASSWORD) },
    });
    // A demo account whose user chose a password of their own keeps it.
    const own = await hashPassword("Chosen-By-Visitor-1");
    await db.user.update({ where: { email: "visitor@suoqian.test" }, data: { passwordHash: own } });
    await seedDatabase(db, demoPassword);
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(after.passwordHash, PUBLISHED_DEMO_PASSWORD)).toBe(false);
    expect(await verifyPassword(after.passwordHash, demoPassword)).toBe(true);
    expect(after.sessionVersion).toBe(admin.sessionVersion + 1);
    const visitor = await db.user.findUniqueOrThrow({
      where: { email: "visitor@suoqian.test" },
      omit: { passwordHash: false },
    });
    expect(visitor.passwordHash).toBe(own);
    await db.user.update({ where: { id: visitor.id }, data: { passwordHash: await hashPassword(demoPassword) } });
  });

  it("gives the cherry festival to its own organiser and the bayberry festival to the other", async () => {
    const organisers = async (slug: string) =>
      (
        await db.festivalOrganiser.findMany({
          where: { festival: { slug } },
          select: { user: { select: { email: true } } },
        })
      ).map((o) => o.user.email);
    expect(await organisers("cherry-festival")).toEqual(["organiser.cherry@suoqian.test"]);
    expect(await organisers("bayberry-festival")).toEqual(["organiser@suoqian.test"]);
  });

  it("has at least three published routes per category, each with ordered stops and a measured path", async () => {
    for (const category of ["RED", "STUDY", "PICKING"] as const) {
      const routes = await db.route.findMany({
        where: { category, status: "PUBLISHED" },
        include: { stops: { orderBy: { position: "asc" } }, months: true },
      });
      expect(routes.length, category).toBeGreaterThanOrEqual(3);
      for (const r of routes) {
        expect(r.stops.length).toBeGreaterThanOrEqual(2);
        expect(r.stops.map((s) => s.position)).toEqual(r.stops.map((_, i) => i));
        expect(r.distanceMeters).toBeGreaterThan(0);
        expect(r.months.length).toBeGreaterThan(0);
        expect(Array.isArray(r.path)).toBe(true);
      }
    }
  });

  it("places every seeded place inside Suoqian, in WGS-84", async () => {
    const places = await db.place.findMany();
    expect(places.length).toBeGreaterThanOrEqual(15);
    for (const p of places) {
      expect(p.lat, p.slug).toBeGreaterThan(30.02);
      expect(p.lat, p.slug).toBeLessThan(30.12);
      expect(p.lng, p.slug).toBeGreaterThan(120.24);
      expect(p.lng, p.slug).toBeLessThan(120.35);
    }
  });

  it("has the bayberry festival in June at Dujia and the cherry festival in April–May, with timed sessions", async () => {
    const bayberry = await db.festival.findUniqueOrThrow({
      where: { slug: "bayberry-festival" },
      include: { sessions: true, ticketTypes: true, place: true },
    });
    const cherry = await db.festival.findUniqueOrThrow({
      where: { slug: "cherry-festival" },
      include: { sessions: true, ticketTypes: true },
    });
    // Months in China Standard Time.
    const month = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCMonth() + 1;
    expect(month(bayberry.startsOn)).toBe(6);
    expect(bayberry.kind).toBe("BAYBERRY");
    expect(bayberry.place?.slug).toMatch(/eco-park|dujia/);
    expect([4, 5]).toContain(month(cherry.startsOn));
    for (const f of [bayberry, cherry]) {
      expect(f.ticketTypes.length).toBeGreaterThanOrEqual(2);
      expect(f.sessions.length).toBeGreaterThan(4);
      for (const s of f.sessions) {
        expect(s.endsAt > s.startsAt).toBe(true);
        expect(s.capacity).toBeGreaterThan(0);
        expect(s.reserved).toBe(0);
      }
      for (const t of f.ticketTypes) expect(Number.isInteger(t.priceCents)).toBe(true);
    }
  });

  it("has at least 3 workshops and 12 products, each product from an approved farmer of its workshop", async () => {
    expect(await db.workshop.count()).toBeGreaterThanOrEqual(3);
    // The seed's own products (other tests add products of their own, some from farmers not yet approved).
    const products = await db.product.findMany({
      where: { slug: { in: seedProducts.map((p) => p.slug) } },
      include: { farmer: true },
    });
    expect(products.length).toBeGreaterThanOrEqual(12);
    for (const p of products) {
      expect(p.farmer.status).toBe("APPROVED");
      expect(p.farmer.workshopId).toBe(p.workshopId);
      expect(Number.isInteger(p.priceCents) && p.priceCents > 0).toBe(true);
    }
    const demoFarmer = await db.user.findUniqueOrThrow({
      where: { email: "farmer@suoqian.test" },
      include: { farmerProfile: true },
    });
    expect(demoFarmer.farmerProfile?.status).toBe("APPROVED");
  });

  it("can run again without duplicating anything or undoing edits", async () => {
    const route = await db.route.findFirstOrThrow({ where: { category: "RED" } });
    await db.route.update({ where: { id: route.id }, data: { titleEn: "Edited by the town" } });
    const before = await counts();
    await seedDatabase(db, demoPassword);
    expect(await counts()).toEqual(before);
    expect((await db.route.findUniqueOrThrow({ where: { id: route.id } })).titleEn).toBe("Edited by the town");
    await db.route.update({ where: { id: route.id }, data: { titleEn: route.titleEn } });
  });
});
