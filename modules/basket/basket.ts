import type { Bilingual } from "@/lib/localized";

// The basket: what a visitor means to buy, kept in their browser until they
// check out. It carries what the page showed (names, prices, times) so the
// basket and checkout render without asking the server; the order itself is
// priced from the database (POST /api/orders), never from these numbers.

export type TicketLine = {
  kind: "ticket";
  ticketTypeId: string;
  sessionId: string;
  quantity: number;
  festival: { slug: string; name: Bilingual; maxTicketsPerOrder: number };
  ticketType: { name: Bilingual; priceCents: number; currency: string; admissions: number; maxPerOrder: number };
  session: { startsAt: string; endsAt: string };
};

export type BasketLine = TicketLine;

export type Basket = { version: 1; lines: BasketLine[] };

export const EMPTY_BASKET: Basket = { version: 1, lines: [] };

export const lineKey = (line: Pick<TicketLine, "ticketTypeId" | "sessionId">) =>
  `ticket:${line.ticketTypeId}:${line.sessionId}`;

/** Tickets of one festival in the basket (all sessions), for its per-order limit. */
function festivalTickets(basket: Basket, slug: string, except?: string): number {
  return basket.lines
    .filter((l) => l.festival.slug === slug && lineKey(l) !== except)
    .reduce((sum, l) => sum + l.quantity, 0);
}

/** How many of this line the basket may hold: the ticket type's and the festival's per-order limits. */
export function maxQuantity(basket: Basket, line: BasketLine): number {
  const typeTotal = basket.lines
    .filter((l) => l.ticketTypeId === line.ticketTypeId && lineKey(l) !== lineKey(line))
    .reduce((sum, l) => sum + l.quantity, 0);
  const festivalLeft = line.festival.maxTicketsPerOrder - festivalTickets(basket, line.festival.slug, lineKey(line));
  return Math.max(0, Math.min(line.ticketType.maxPerOrder - typeTotal, festivalLeft));
}

/** Sets a line's quantity (adding the line if new, removing it at 0), within the limits. */
export function setQuantity(basket: Basket, line: BasketLine, quantity: number): Basket {
  const key = lineKey(line);
  const clamped = Math.max(0, Math.min(Math.floor(quantity), maxQuantity(basket, line)));
  const others = basket.lines.filter((l) => lineKey(l) !== key);
  if (clamped === 0) return { ...basket, lines: others };
  const index = basket.lines.findIndex((l) => lineKey(l) === key);
  const updated = { ...line, quantity: clamped };
  const lines = index === -1 ? [...basket.lines, updated] : basket.lines.map((l, i) => (i === index ? updated : l));
  return { ...basket, lines };
}

/** Adds to what the basket already holds for the same ticket type and session. */
export function addLine(basket: Basket, line: BasketLine): Basket {
  const existing = basket.lines.find((l) => lineKey(l) === lineKey(line));
  return setQuantity(basket, line, (existing?.quantity ?? 0) + line.quantity);
}

export function removeLine(basket: Basket, key: string): Basket {
  return { ...basket, lines: basket.lines.filter((l) => lineKey(l) !== key) };
}

export function basketCount(basket: Basket): number {
  return basket.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** Totals per currency (an order holds one currency; the checkout says so if they differ). */
export function basketTotals(basket: Basket): { currency: string; cents: number }[] {
  const totals = new Map<string, number>();
  for (const l of basket.lines) {
    totals.set(l.ticketType.currency, (totals.get(l.ticketType.currency) ?? 0) + l.quantity * l.ticketType.priceCents);
  }
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

/** Drops what can no longer be bought: sessions that have started. */
export function withoutPast(basket: Basket, now: Date): Basket {
  const lines = basket.lines.filter((l) => new Date(l.session.startsAt) > now);
  return lines.length === basket.lines.length ? basket : { ...basket, lines };
}

/** The items of POST /api/orders. */
export function orderItems(basket: Basket) {
  return basket.lines.map((l) => ({
    kind: l.kind,
    ticketTypeId: l.ticketTypeId,
    sessionId: l.sessionId,
    quantity: l.quantity,
  }));
}

/** Reads a stored basket, discarding anything that is not one (old versions, edits by hand). */
export function parseBasket(raw: string | null): Basket {
  if (!raw) return EMPTY_BASKET;
  try {
    const value = JSON.parse(raw) as Partial<Basket>;
    if (value?.version !== 1 || !Array.isArray(value.lines)) return EMPTY_BASKET;
    const lines = value.lines.filter(
      (l): l is BasketLine =>
        l?.kind === "ticket" &&
        typeof l.ticketTypeId === "string" &&
        typeof l.sessionId === "string" &&
        Number.isInteger(l.quantity) &&
        l.quantity > 0 &&
        typeof l.festival?.slug === "string" &&
        typeof l.ticketType?.priceCents === "number" &&
        typeof l.session?.startsAt === "string",
    );
    return { version: 1, lines };
  } catch {
    return EMPTY_BASKET;
  }
}
