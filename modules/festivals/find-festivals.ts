import "server-only";
import { db } from "@/lib/db";

/** Published festivals with their ticket types and sessions, and the seats left now. */
export async function findFestivalsForSale() {
  const festivals = await db.festival.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { startsOn: "asc" },
    include: {
      ticketTypes: { where: { active: true }, orderBy: { position: "asc" } },
      sessions: { orderBy: { startsAt: "asc" } },
    },
  });
  return festivals.map((f) => ({
    slug: f.slug,
    name: { zh: f.nameZh, en: f.nameEn },
    startsOn: f.startsOn.toISOString(),
    endsOn: f.endsOn.toISOString(),
    salesStartAt: f.salesStartAt.toISOString(),
    salesEndAt: f.salesEndAt.toISOString(),
    maxTicketsPerOrder: f.maxTicketsPerOrder,
    ticketTypes: f.ticketTypes.map((t) => ({
      id: t.id,
      name: { zh: t.nameZh, en: t.nameEn },
      priceCents: t.priceCents,
      currency: t.currency,
      admissions: t.admissions,
      maxPerOrder: t.maxPerOrder,
    })),
    sessions: f.sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      capacity: s.capacity,
      remaining: Math.max(0, s.capacity - s.reserved),
    })),
  }));
}
