import { isCalendarDate } from "@/lib/dates";
import { addLine, type Basket, chooseFulfilment, type ProductLine, type TicketLine } from "@/modules/basket/basket";
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

/** The days (ascending, "YYYY-MM-DD" in Suoqian) on which the catalogue's festivals have a session. */
function sessionDays(festivals: PlannerCatalogue["festivals"]): string[] {
  return [...new Set(festivals.flatMap((f) => f.sessions.map((s) => sessionDay(s.startsAt))))].sort();
}

/** Saturday or Sunday. */
function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The day a new plan opens on: the first Saturday or Sunday from today with a festival
 * session, so the planner opens on a weekend with something on; else the next Saturday.
 */
export function firstPlanDay(today: string, festivals: PlannerCatalogue["festivals"] = []): string {
  return sessionDays(festivals).find((day) => day >= today && isWeekend(day)) ?? nextSaturday(today);
}

/**
 * The next festival for a day without one: the first session after `day` (not before
 * today), else the first from today on; with its festival and day. Null when none is to come.
 */
export function nextFestival(
  festivals: PlannerCatalogue["festivals"],
  day: string,
  today: string,
): { festival: PlannerCatalogue["festivals"][number]; day: string } | null {
  const sessions = festivals
    .flatMap((festival) => festival.sessions.map((s) => ({ festival, day: sessionDay(s.startsAt), at: s.startsAt })))
    .filter((s) => s.day >= today)
    .sort((a, b) => a.at.localeCompare(b.at));
  const next = sessions.find((s) => s.day > day) ?? sessions[0];
  return next ? { festival: next.festival, day: next.day } : null;
}

export function newPlan(title: string, today: string, festivals: PlannerCatalogue["festivals"] = []): TripInput {
  return { title, days: [firstPlanDay(today, festivals)], items: [] };
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

/**
 * The plan with `day` among its days: as it is if so, else moved there as the first-day
 * picker moves it (a two-day plan keeps two days, from `day`; items keep their place).
 */
export function planOnDay(plan: TripInput, day: string): TripInput {
  if (plan.days.includes(day)) return plan;
  return setDays(plan, plan.days.length > 1 ? [day, addDaysTo(day, 1)] : [day]);
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
 * held) and pickups added, each pickup to be collected at its workshop on its
 * planned day and start (the order line carries them to the farmer).
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
        // The planned day and start: the farmer sees when the visitor comes.
        ...(isCalendarDate(item.day) && parseClock(item.start) !== null
          ? { pickupAt: `${item.day}T${item.start}` }
          : {}),
      };
      next = addLine(next, line);
      if (product.fulfilment.workshopPickup) {
        next = chooseFulfilment(next, product.workshop.slug, { method: "workshop_pickup" });
      }
      added++;
    }
  }
  return { basket: next, added };
}
