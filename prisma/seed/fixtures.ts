import type { Db } from "../../lib/db-client";

// Test and benchmark data helpers: each test states its own festival.

/**
 * A festival of the test's own, on sale now, with one session of the given
 * capacity and two ticket types (single, and a family ticket admitting 3).
 */
export async function createSaleFixture(
  db: Db,
  opts: { capacity: number; startsInHours?: number; salesOpen?: boolean },
) {
  const now = Date.now();
  const tag = `${now}-${Math.random().toString(36).slice(2, 8)}`;
  const startsAt = new Date(now + (opts.startsInHours ?? 48) * 3600_000);
  const festival = await db.festival.create({
    data: {
      slug: `test-festival-${tag}`,
      kind: "OTHER",
      nameZh: "测试节",
      nameEn: "Test festival",
      summaryZh: "",
      summaryEn: "",
      venueZh: "测试场地",
      venueEn: "Test venue",
      startsOn: startsAt,
      endsOn: new Date(startsAt.getTime() + 24 * 3600_000),
      salesStartAt: new Date(now - (opts.salesOpen === false ? -3600_000 : 3600_000)),
      salesEndAt: new Date(startsAt.getTime() + 24 * 3600_000),
      maxTicketsPerOrder: 10,
      status: "PUBLISHED",
      ticketTypes: {
        create: [
          { nameZh: "入园票", nameEn: "Entry", priceCents: 8800, maxPerOrder: 10, position: 0 },
          { nameZh: "家庭票", nameEn: "Family", priceCents: 19800, admissions: 3, maxPerOrder: 4, position: 1 },
        ],
      },
      sessions: {
        create: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), capacity: opts.capacity }],
      },
    },
    include: { ticketTypes: { orderBy: { position: "asc" } }, sessions: true },
  });
  const [single, family] = festival.ticketTypes;
  const session = festival.sessions[0];
  if (!single || !family || !session) throw new Error("fixture incomplete");
  return { festival, single, family, session };
}

export const customer = { name: "测试买家", phone: "13800001111", email: "buyer@example.com" };

/** The n-th of many different buyers (own mobile number and e-mail), for tests of a crowd. */
export const buyer = (n: number) => ({
  name: `买家${n}`,
  phone: `139${String(n % 100_000_000).padStart(8, "0")}`,
  email: `buyer-${n}@example.com`,
});

/**
 * A workshop of the test's own with an approved farmer (and their user) selling
 * products. Each product defaults to published, 100 in stock, pickup at the
 * workshop only; pass what the test is about.
 */
export async function createShopFixture(
  db: Db,
  products: {
    stock?: number | null;
    priceCents?: number;
    status?: "DRAFT" | "PUBLISHED";
    pickupAtWorkshop?: boolean;
    pickupAtFestival?: boolean;
    delivery?: boolean;
    deliveryFeeCents?: number;
    availableFrom?: Date | null;
    availableUntil?: Date | null;
  }[] = [{}],
  opts: { farmerStatus?: "PENDING" | "APPROVED" | "REJECTED"; workshopId?: string } = {},
) {
  const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const workshop = opts.workshopId
    ? await db.workshop.findUniqueOrThrow({ where: { id: opts.workshopId } })
    : await db.workshop.create({
        data: {
          slug: `test-workshop-${tag}`,
          nameZh: "测试工坊",
          nameEn: "Test workshop",
          storyZh: "",
          storyEn: "",
          openingHoursZh: "每天 8:00–17:00",
          openingHoursEn: "Daily 8:00–17:00",
        },
      });
  const user = await db.user.create({
    data: { email: `farmer-${tag}@example.com`, name: "测试农户", passwordHash: "x", role: "FARMER" },
  });
  const farmer = await db.farmerProfile.create({
    data: {
      userId: user.id,
      workshopId: workshop.id,
      displayName: `农户 ${tag.slice(-4)}`,
      village: "杜家村",
      phone: "13900000000",
      status: opts.farmerStatus ?? "APPROVED",
    },
  });
  const created = [];
  for (const [i, p] of products.entries()) {
    created.push(
      await db.product.create({
        data: {
          slug: `test-product-${tag}-${i}`,
          farmerId: farmer.id,
          workshopId: workshop.id,
          category: "FRUIT",
          nameZh: `测试商品 ${i}`,
          nameEn: `Test product ${i}`,
          unit: "JIN",
          priceCents: p.priceCents ?? 3000,
          stock: p.stock === undefined ? 100 : p.stock,
          status: p.status ?? "PUBLISHED",
          pickupAtWorkshop: p.pickupAtWorkshop ?? true,
          pickupAtFestival: p.pickupAtFestival ?? false,
          delivery: p.delivery ?? false,
          deliveryFeeCents: p.deliveryFeeCents ?? 0,
          availableFrom: p.availableFrom ?? null,
          availableUntil: p.availableUntil ?? null,
        },
      }),
    );
  }
  return { workshop, user, farmer, products: created };
}
