import "server-only";
import { db } from "@/lib/db";

/**
 * The festivals API: the published festivals (the same read as the pages) with
 * the seats left now in each session, read live.
 */
export async function findFestivalsForSale() {
  const [festivals, seats] = await Promise.all([
    findPublishedFestivals(),
    db.festivalSession.findMany({
      where: { festival: { status: "PUBLISHED" } },
      select: { id: true, capacity: true, reserved: true },
    }),
  ]);
  const left = new Map(seats.map((s) => [s.id, Math.max(0, s.capacity - s.reserved)]));
  return festivals.map((f) => ({
    id: f.id,
    slug: f.slug,
    name: f.name,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    salesStartAt: f.salesStartAt,
    salesEndAt: f.salesEndAt,
    maxTicketsPerOrder: f.maxTicketsPerOrder,
    ticketTypes: f.ticketTypes.map(({ description: _, ...type }) => type),
    sessions: f.sessions.map(({ label: _, ...session }) => ({ ...session, remaining: left.get(session.id) ?? 0 })),
  }));
}

export type FestivalDto = {
  /** What the gate's API (POST /api/check-in) names the festival by. */
  id: string;
  slug: string;
  kind: "bayberry" | "cherry" | "other";
  name: { zh: string; en: string };
  summary: { zh: string; en: string };
  description: { zh: string; en: string };
  venue: { zh: string; en: string };
  /** Where the venue is (WGS-84), when it is one of the town's places. */
  venuePoint: { lat: number; lng: number } | null;
  startsOn: string;
  endsOn: string;
  salesStartAt: string;
  salesEndAt: string;
  cancellationCutoffHours: number;
  maxTicketsPerOrder: number;
  ticketTypes: {
    id: string;
    name: { zh: string; en: string };
    description: { zh: string; en: string };
    priceCents: number;
    currency: string;
    admissions: number;
    maxPerOrder: number;
  }[];
  sessions: {
    id: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    label: { zh: string; en: string } | null;
  }[];
};

/** The published festivals for the public pages (remaining seats are fetched live, not here). */
export async function findPublishedFestivals(): Promise<FestivalDto[]> {
  const rows = await db.festival.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { startsOn: "asc" },
    include: {
      place: { select: { lat: true, lng: true } },
      ticketTypes: { where: { active: true }, orderBy: { position: "asc" } },
      sessions: { orderBy: { startsAt: "asc" } },
    },
  });
  return rows.map((f) => ({
    id: f.id,
    slug: f.slug,
    kind: f.kind.toLowerCase() as FestivalDto["kind"],
    name: { zh: f.nameZh, en: f.nameEn },
    summary: { zh: f.summaryZh, en: f.summaryEn },
    description: { zh: f.descriptionZh, en: f.descriptionEn },
    venue: { zh: f.venueZh, en: f.venueEn },
    venuePoint: f.place ? { lat: f.place.lat, lng: f.place.lng } : null,
    startsOn: f.startsOn.toISOString(),
    endsOn: f.endsOn.toISOString(),
    salesStartAt: f.salesStartAt.toISOString(),
    salesEndAt: f.salesEndAt.toISOString(),
    cancellationCutoffHours: f.cancellationCutoffHours,
    maxTicketsPerOrder: f.maxTicketsPerOrder,
    ticketTypes: f.ticketTypes.map((t) => ({
      id: t.id,
      name: { zh: t.nameZh, en: t.nameEn },
      description: { zh: t.descriptionZh, en: t.descriptionEn },
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
      label: s.labelZh ? { zh: s.labelZh, en: s.labelEn || s.labelZh } : null,
    })),
  }));
}

/** Seats left per session of one festival, read live. */
export async function findSessionAvailability(slug: string) {
  const festival = await db.festival.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { sessions: { select: { id: true, capacity: true, reserved: true } } },
  });
  return festival?.sessions.map((s) => ({ id: s.id, remaining: Math.max(0, s.capacity - s.reserved) })) ?? null;
}
