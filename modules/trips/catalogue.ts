import "server-only";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { getPublishedRoutes } from "@/modules/routes/queries";
import { getPublishedProducts } from "@/modules/shop/queries";
import type { PlannerCatalogue } from "./types";

/**
 * What the planner page offers to add, from the pages' cached reads (the page is
 * static): routes, festival sessions, produce. Seats, stock and warnings come live
 * from the preview API.
 */
export async function plannerCatalogue(): Promise<PlannerCatalogue> {
  const [routes, festivals, products] = await Promise.all([
    getPublishedRoutes(),
    getPublishedFestivals(),
    getPublishedProducts(),
  ]);
  return {
    routes: routes.map((r) => ({
      slug: r.slug,
      title: r.title,
      category: r.category,
      durationMinutes: r.durationMinutes,
      months: r.months,
    })),
    festivals: festivals.map((f) => ({
      slug: f.slug,
      name: f.name,
      maxTicketsPerOrder: f.maxTicketsPerOrder,
      ticketType: f.ticketTypes[0] ?? null,
      sessions: f.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, label: s.label })),
    })),
    products: products
      .filter((p) => p.fulfilment.workshopPickup)
      .map((p) => ({
        id: p.id,
        slug: p.slug,
        name: p.name,
        unit: p.unit,
        priceCents: p.priceCents,
        currency: p.currency,
        farmerId: p.farmer.id,
        availableFrom: p.availableFrom,
        availableUntil: p.availableUntil,
        fulfilment: p.fulfilment,
        workshop: p.workshop,
      })),
  };
}
