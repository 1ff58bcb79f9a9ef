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
