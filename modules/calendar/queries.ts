import "server-only";
import { db } from "@/lib/db";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { getPublishedRoutes } from "@/modules/routes/queries";
import { getPublishedProducts } from "@/modules/shop/queries";
import { type Month, monthRange } from "./month";
import { buildWhatsOn, type SeasonCatalogue, type WhatsOn } from "./whats-on";

// The calendar reads the same cached catalogue as the festival, route and shop pages;
// only the seats are read live, in one small query on the shown month's sessions.

/** The cached catalogue, festivals without seats: enough for the season strip. */
export async function getSeasonCatalogue() {
  const [festivals, routes, products] = await Promise.all([
    getPublishedFestivals(),
    getPublishedRoutes(),
    getPublishedProducts(),
  ]);
  return { festivals, routes, products } satisfies SeasonCatalogue;
}

/** Seats left now in the published festivals' sessions that start in the month. */
async function findSeatsLeft(month: Month): Promise<Map<string, number>> {
  const { start, end } = monthRange(month);
  const rows = await db.festivalSession.findMany({
    where: { startsAt: { gte: start, lt: end }, festival: { status: "PUBLISHED" } },
    select: { id: true, capacity: true, reserved: true },
  });
  return new Map(rows.map((s) => [s.id, Math.max(0, s.capacity - s.reserved)]));
}

/** What is on in a month, with the seats left as they are now. */
export async function findWhatsOn(month: Month, now: Date): Promise<WhatsOn> {
  const [catalogue, seats] = await Promise.all([getSeasonCatalogue(), findSeatsLeft(month)]);
  // A session the live read does not know has gone since the catalogue was cached.
  const festivals = catalogue.festivals.map((f) => ({
    slug: f.slug,
    name: f.name,
    sessions: f.sessions.flatMap((s) => {
      const seatsLeft = seats.get(s.id);
      if (seatsLeft === undefined) return [];
      return [{ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, label: s.label, seatsLeft }];
    }),
  }));
  return buildWhatsOn({ ...catalogue, festivals }, month, now);
}
