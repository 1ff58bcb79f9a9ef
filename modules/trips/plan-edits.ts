import { addLine, type Basket, type ProductLine, type TicketLine } from "@/modules/basket/basket";
import { clock, parseClock, wallClock } from "./evaluate";
import type { PlannerCatalogue, TripInput, TripItemInput } from "./types";

// The planner's edits, pure: each takes a plan and returns the next one.

/** The Saturday on or after a date ("YYYY-MM-DD"). */
export function nextSaturday(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7));
  return d.toISOString().slice(0, 10);
}

export function addDaysTo(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function newPlan(title: string, today: string): TripInput {
  return { title, days: [nextSaturday(today)], items: [] };
}

/** Moves the plan to new days: items keep their place (first or second day). */
export function setDays(plan: TripInput, days: string[]): TripInput {
  const unique = [...new Set(days)].slice(0, 2);
  if (unique.length === 0) return plan;
  return {
    ...plan,
    days: unique,
    items: plan.items.map((item) => {
      const at = Math.min(Math.max(0, plan.days.indexOf(item.day)), unique.length - 1);
      return { ...item, day: unique[at] as string };
    }),
  };
}

/** When the next thing on a day can start: after the last item ends (rounded up to 15 min), else 09:00. */
export function nextStart(plan: TripInput, day: string, endOf: (item: TripItemInput) => number | null): string {
  const ends = plan.items
    .filter((i) => i.day === day)
    .map(endOf)
    .filter((m): m is number => m !== null);
  if (ends.length === 0) return "09:00";
  return clock(Math.min(23 * 60, Math.ceil((Math.max(...ends) + 15) / 15) * 15));
}

export function addItem(plan: TripInput, item: TripItemInput): TripInput {
  return { ...plan, items: [...plan.items, item] };
}

export function removeItem(plan: TripInput, index: number): TripInput {
  return { ...plan, items: plan.items.filter((_, i) => i !== index) };
}

export function changeItem(plan: TripInput, index: number, change: Partial<TripItemInput>): TripInput {
  return {
    ...plan,
    items: plan.items.map((item, i) => (i === index ? ({ ...item, ...change } as TripItemInput) : item)),
  };
}

/** A session's date and start, for placing it: it happens on its own day. */
export function sessionDay(startsAt: string): string {
  return wallClock(startsAt).date;
}

export function isClock(value: string): boolean {
  return parseClock(value) !== null;
}

/**
 * "Buy what this plan needs": the basket with the plan's sessions (not already
 * held) and pickups added, each pickup to be collected at its workshop.
 */
export function basketWithPlan(
  basket: Basket,
  plan: TripInput,
  catalogue: PlannerCatalogue,
  held: ReadonlySet<string>,
): { basket: Basket; added: number } {
  let next = basket;
  let added = 0;
  for (const item of plan.items) {
    if (item.kind === "session" && !held.has(item.sessionId)) {
      const festival = catalogue.festivals.find((f) => f.sessions.some((s) => s.id === item.sessionId));
      const session = festival?.sessions.find((s) => s.id === item.sessionId);
      const type = festival?.ticketType;
      if (!festival || !session || !type) continue;
      const line: TicketLine = {
        kind: "ticket",
        ticketTypeId: item.ticketTypeId ?? type.id,
        sessionId: session.id,
        quantity: item.quantity ?? 1,
        festival: { slug: festival.slug, name: festival.name, maxTicketsPerOrder: festival.maxTicketsPerOrder },
        ticketType: {
          name: type.name,
          priceCents: type.priceCents,
          currency: type.currency,
          admissions: type.admissions,
          maxPerOrder: type.maxPerOrder,
        },
        session: { startsAt: session.startsAt, endsAt: session.endsAt },
      };
      next = addLine(next, line);
      added++;
    }
    if (item.kind === "pickup") {
      const product = catalogue.products.find((p) => p.id === item.productId);
      if (!product) continue;
      const line: ProductLine = {
        kind: "product",
        productId: product.id,
        quantity: item.quantity ?? 1,
        product: {
          slug: product.slug,
          name: product.name,
          unit: product.unit,
          priceCents: product.priceCents,
          currency: product.currency,
          farmerId: product.farmerId,
          maxPerOrder: 50,
          availableFrom: product.availableFrom,
          fulfilment: product.fulfilment,
        },
        workshop: product.workshop,
      };
      next = addLine(next, line);
      added++;
    }
  }
  return { basket: next, added };
}
