import "server-only";
import { tokenMatches } from "@/lib/codes";
import { shanghaiDateKey } from "@/lib/dates";
import { db } from "@/lib/db";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { getPublishedRoutes } from "@/modules/routes/queries";
import { findStock } from "@/modules/shop/product-queries";
import { getPublishedProducts, getPublishedWorkshops } from "@/modules/shop/queries";
import type { ProductFact, RouteFact, SessionFact, TripFacts } from "./types";

/** An order this browser placed as a guest, with the access token checkout gave it. */
export type RememberedOrder = { id: string; token: string };

/**
 * What the planner knows: the published catalogue from the pages' cached reads,
 * with the two things that change by the minute read live (seats and stock), and
 * the sessions this visitor already holds a paid ticket for: those of the account,
 * and those of the orders the browser remembers (`orders`), each by its token.
 */
export async function loadTripFacts(
  userId: string | null,
  { orders = [], now = new Date() }: { orders?: RememberedOrder[]; now?: Date } = {},
): Promise<TripFacts> {
  const [routes, festivals, products, workshops, seats, stock, held, heldByToken] = await Promise.all([
    getPublishedRoutes(),
    getPublishedFestivals(),
    getPublishedProducts(),
    getPublishedWorkshops(),
    db.festivalSession.findMany({
      where: { festival: { status: "PUBLISHED" } },
      select: { id: true, capacity: true, reserved: true },
    }),
    findStock(),
    userId
      ? db.ticket.findMany({
          where: { status: "VALID", order: { userId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } } },
          select: { sessionId: true },
          distinct: ["sessionId"],
        })
      : Promise.resolve([]),
    sessionsHeldByTokens(orders),
  ]);
  const left = new Map(seats.map((s) => [s.id, Math.max(0, s.capacity - s.reserved)]));
  const places = new Map(workshops.map((w) => [w.slug, w.place ? { lat: w.place.lat, lng: w.place.lng } : null]));
  const villages = new Map(workshops.map((w) => [w.slug, w.village]));

  const routeFacts = new Map<string, RouteFact>(
    routes.map((r) => [
      r.slug,
      {
        slug: r.slug,
        title: r.title,
        durationMinutes: r.durationMinutes,
        distanceMeters: r.distanceMeters,
        months: r.months,
        path: r.path.length > 0 ? r.path : r.stops.map((s) => [s.place.lng, s.place.lat] as [number, number]),
        startPlace: r.stops[0]?.place.name ?? null,
      },
    ]),
  );

  const sessions = new Map<string, SessionFact>();
  for (const f of festivals) {
    const selling = now >= new Date(f.salesStartAt) && now < new Date(f.salesEndAt);
    for (const s of f.sessions) {
      sessions.set(s.id, {
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        label: s.label,
        remaining: left.get(s.id) ?? 0,
        onSale: selling && now < new Date(s.startsAt),
        festival: {
          slug: f.slug,
          name: f.name,
          venue: f.venue,
          point: f.venuePoint,
          maxTicketsPerOrder: f.maxTicketsPerOrder,
          ticketTypes: f.ticketTypes.map((t) => ({
            id: t.id,
            name: t.name,
            priceCents: t.priceCents,
            currency: t.currency,
            admissions: t.admissions,
            maxPerOrder: t.maxPerOrder,
          })),
        },
      });
    }
  }

  const productFacts = new Map<string, ProductFact>(
    products.map((p) => [
      p.id,
      {
        id: p.id,
        slug: p.slug,
        name: p.name,
        unit: p.unit,
        priceCents: p.priceCents,
        currency: p.currency,
        stock: stock.has(p.id) ? (stock.get(p.id) ?? null) : null,
        availableFrom: p.availableFrom,
        availableUntil: p.availableUntil,
        pickupAtWorkshop: p.fulfilment.workshopPickup,
        workshop: {
          slug: p.workshop.slug,
          name: p.workshop.name,
          village: villages.get(p.workshop.slug) ?? null,
          openingHours: p.workshop.openingHours,
          point: places.get(p.workshop.slug) ?? null,
        },
      },
    ]),
  );

  return {
    routes: routeFacts,
    sessions,
    products: productFacts,
    heldSessionIds: new Set([...held.map((t) => t.sessionId), ...heldByToken]),
  };
}

/**
 * The sessions of the valid tickets of the paid (or partly refunded) orders whose
 * token matches, checked as the order's own page checks it (lib/codes `tokenMatches`,
 * constant-time): a wrong token, or an order that is not paid, adds nothing.
 */
async function sessionsHeldByTokens(orders: RememberedOrder[]): Promise<string[]> {
  if (orders.length === 0) return [];
  const tokens = new Map<string, string[]>();
  for (const o of orders) tokens.set(o.id, [...(tokens.get(o.id) ?? []), o.token]);
  const found = await db.order.findMany({
    where: { id: { in: [...tokens.keys()] } },
    select: {
      id: true,
      status: true,
      accessTokenHash: true,
      tickets: { where: { status: "VALID" }, select: { sessionId: true } },
    },
  });
  return found
    .filter((o) => (tokens.get(o.id) ?? []).some((token) => tokenMatches(token, o.accessTokenHash)))
    .filter((o) => o.status === "PAID" || o.status === "PARTIALLY_REFUNDED")
    .flatMap((o) => o.tickets.map((t) => t.sessionId));
}

/** Today's date in Suoqian, "YYYY-MM-DD". */
export function suoqianToday(now = new Date()): string {
  return shanghaiDateKey(now);
}
