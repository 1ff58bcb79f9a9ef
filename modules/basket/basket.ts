import { parseWallMinute } from "@/lib/dates";
import type { Bilingual } from "@/lib/localized";
import {
  commonMethods,
  deliveryFees,
  type FulfilmentMethod,
  type FulfilmentOptions,
} from "@/modules/inventory/fulfilment";

// The basket: what a visitor means to buy, kept in their browser until they
// check out. Festival tickets and workshop products share it. It carries what the
// page showed (names, prices, times) so the basket and checkout render without
// asking the server; the order itself is priced from the database
// (POST /api/orders), never from these numbers.

export type TicketLine = {
  kind: "ticket";
  ticketTypeId: string;
  sessionId: string;
  quantity: number;
  festival: { slug: string; name: Bilingual; maxTicketsPerOrder: number };
  ticketType: { name: Bilingual; priceCents: number; currency: string; admissions: number; maxPerOrder: number };
  session: { startsAt: string; endsAt: string };
};

export type ProductUnit = "JIN" | "BOX" | "PORTION";

export type ProductLine = {
  kind: "product";
  productId: string;
  quantity: number;
  product: {
    slug: string;
    name: Bilingual;
    unit: ProductUnit;
    priceCents: number;
    currency: string;
    farmerId: string;
    /** The most one order may take (stock left when added, capped); the order checks the real stock. */
    maxPerOrder: number;
    /** Harvest not yet open: a pre-order that ships from this day (ISO date). */
    availableFrom: string | null;
    fulfilment: FulfilmentOptions;
  };
  workshop: { slug: string; name: Bilingual; openingHours: Bilingual };
  /**
   * When the visitor means to collect it at the workshop (planned in the trip planner):
   * a Suoqian wall time, "2027-06-20T12:15". Sent with a workshop pickup; absent in older baskets.
   */
  pickupAt?: string;
};

export type BasketLine = TicketLine | ProductLine;

/** How one workshop's products reach the visitor. */
export type FulfilmentChoice =
  | { method: "workshop_pickup" }
  | { method: "festival_pickup"; sessionId: string | null }
  | { method: "delivery" };

/** A courier address in the Chinese order: province, city, district, street. */
export type DeliveryAddress = {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
};

export type Basket = {
  version: 1;
  lines: BasketLine[];
  /** Per workshop slug; a workshop without a choice is picked up at the workshop. */
  fulfilment?: Record<string, FulfilmentChoice>;
  address?: DeliveryAddress;
};

export const EMPTY_BASKET: Basket = { version: 1, lines: [] };

/** Most of one product a single order may take, whatever the stock. */
export const PRODUCT_MAX_PER_ORDER = 50;

export const lineKey = (line: BasketLine) =>
  line.kind === "ticket" ? `ticket:${line.ticketTypeId}:${line.sessionId}` : `product:${line.productId}`;

const tickets = (basket: Basket) => basket.lines.filter((l): l is TicketLine => l.kind === "ticket");
const products = (basket: Basket) => basket.lines.filter((l): l is ProductLine => l.kind === "product");

/** Tickets of one festival in the basket (all sessions), for its per-order limit. */
function festivalTickets(basket: Basket, slug: string, except?: string): number {
  return tickets(basket)
    .filter((l) => l.festival.slug === slug && lineKey(l) !== except)
    .reduce((sum, l) => sum + l.quantity, 0);
}

/** How many of this line the basket may hold: the per-order limits. */
export function maxQuantity(basket: Basket, line: BasketLine): number {
  if (line.kind === "product") return Math.max(0, Math.min(line.product.maxPerOrder, PRODUCT_MAX_PER_ORDER));
  const typeTotal = tickets(basket)
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
  if (clamped === 0) return tidy({ ...basket, lines: others });
  const index = basket.lines.findIndex((l) => lineKey(l) === key);
  const updated = { ...line, quantity: clamped };
  const lines = index === -1 ? [...basket.lines, updated] : basket.lines.map((l, i) => (i === index ? updated : l));
  return { ...basket, lines };
}

/** Adds to what the basket already holds for the same ticket type and session, or product. */
export function addLine(basket: Basket, line: BasketLine): Basket {
  const existing = basket.lines.find((l) => lineKey(l) === lineKey(line));
  // A planned pickup time stays when the same product is added again without one.
  const kept =
    line.kind === "product" && existing?.kind === "product" && !line.pickupAt && existing.pickupAt
      ? { ...line, pickupAt: existing.pickupAt }
      : line;
  return setQuantity(basket, kept, (existing?.quantity ?? 0) + line.quantity);
}

export function removeLine(basket: Basket, key: string): Basket {
  return tidy({ ...basket, lines: basket.lines.filter((l) => lineKey(l) !== key) });
}

/** Forgets fulfilment choices of workshops no longer in the basket. */
function tidy(basket: Basket): Basket {
  if (!basket.fulfilment) return basket;
  const present = new Set(products(basket).map((l) => l.workshop.slug));
  const kept = Object.entries(basket.fulfilment).filter(([slug]) => present.has(slug));
  if (kept.length === Object.keys(basket.fulfilment).length) return basket;
  return { ...basket, fulfilment: Object.fromEntries(kept) };
}

export function basketCount(basket: Basket): number {
  return basket.lines.reduce((sum, l) => sum + l.quantity, 0);
}

/** The basket's products by workshop, in the order they were added. */
export function workshopGroups(basket: Basket): { workshop: ProductLine["workshop"]; lines: ProductLine[] }[] {
  const groups = new Map<string, { workshop: ProductLine["workshop"]; lines: ProductLine[] }>();
  for (const line of products(basket)) {
    const group = groups.get(line.workshop.slug) ?? { workshop: line.workshop, lines: [] };
    group.lines.push(line);
    groups.set(line.workshop.slug, group);
  }
  return [...groups.values()];
}

/** The ways a workshop group may be fulfilled (what all its products allow). */
export function groupMethods(lines: ProductLine[]): FulfilmentMethod[] {
  return commonMethods(lines.map((l) => l.product.fulfilment));
}

/** The workshop's choice, or the first method its products allow. */
export function fulfilmentFor(basket: Basket, workshopSlug: string): FulfilmentChoice {
  const chosen = basket.fulfilment?.[workshopSlug];
  const allowed = groupMethods(products(basket).filter((l) => l.workshop.slug === workshopSlug));
  if (chosen && allowed.includes(chosen.method)) return chosen;
  const first = allowed[0] ?? "workshop_pickup";
  return first === "festival_pickup" ? { method: first, sessionId: null } : { method: first };
}

export function chooseFulfilment(basket: Basket, workshopSlug: string, choice: FulfilmentChoice): Basket {
  return { ...basket, fulfilment: { ...basket.fulfilment, [workshopSlug]: choice } };
}

export function setAddress(basket: Basket, address: DeliveryAddress): Basket {
  return { ...basket, address };
}

/** Courier fees of the basket as it stands: one per farmer whose products go by courier. */
export function basketDeliveryFees(basket: Basket): Map<string, number> {
  return deliveryFees(
    products(basket).map((l) => ({
      farmerId: l.product.farmerId,
      method: fulfilmentFor(basket, l.workshop.slug).method,
      deliveryFeeCents: l.product.fulfilment.deliveryFeeCents,
    })),
  );
}

const lineCurrency = (l: BasketLine) => (l.kind === "ticket" ? l.ticketType.currency : l.product.currency);
const linePrice = (l: BasketLine) => (l.kind === "ticket" ? l.ticketType.priceCents : l.product.priceCents);

/** Totals per currency, courier fees included (an order holds one currency; the checkout says so if they differ). */
export function basketTotals(basket: Basket): { currency: string; cents: number }[] {
  const totals = new Map<string, number>();
  for (const l of basket.lines) {
    totals.set(lineCurrency(l), (totals.get(lineCurrency(l)) ?? 0) + l.quantity * linePrice(l));
  }
  const fees = [...basketDeliveryFees(basket).values()].reduce((a, b) => a + b, 0);
  if (fees > 0) {
    const currency = products(basket)[0]?.product.currency ?? "CNY";
    totals.set(currency, (totals.get(currency) ?? 0) + fees);
  }
  return [...totals].map(([currency, cents]) => ({ currency, cents }));
}

/** Drops what can no longer be bought: sessions that have started. */
export function withoutPast(basket: Basket, now: Date): Basket {
  const lines = basket.lines.filter((l) => l.kind !== "ticket" || new Date(l.session.startsAt) > now);
  return lines.length === basket.lines.length ? basket : tidy({ ...basket, lines });
}

/** The items of POST /api/orders. */
export function orderItems(basket: Basket) {
  return basket.lines.map((l) => {
    if (l.kind === "ticket") {
      return { kind: l.kind, ticketTypeId: l.ticketTypeId, sessionId: l.sessionId, quantity: l.quantity };
    }
    const choice = fulfilmentFor(basket, l.workshop.slug);
    const fulfilment =
      choice.method === "festival_pickup"
        ? { method: choice.method, sessionId: choice.sessionId ?? "" }
        : choice.method === "delivery"
          ? { method: choice.method, address: basket.address }
          : l.pickupAt
            ? { method: choice.method, at: l.pickupAt }
            : { method: choice.method };
    return { kind: l.kind, productId: l.productId, quantity: l.quantity, fulfilment };
  });
}

function validLine(l: BasketLine | null | undefined): l is BasketLine {
  if (!l || !Number.isInteger(l.quantity) || l.quantity <= 0) return false;
  if (l.kind === "ticket") {
    return (
      typeof l.ticketTypeId === "string" &&
      typeof l.sessionId === "string" &&
      typeof l.festival?.slug === "string" &&
      typeof l.ticketType?.priceCents === "number" &&
      typeof l.session?.startsAt === "string"
    );
  }
  return (
    l.kind === "product" &&
    typeof l.productId === "string" &&
    typeof l.product?.priceCents === "number" &&
    typeof l.product?.farmerId === "string" &&
    typeof l.product?.fulfilment?.workshopPickup === "boolean" &&
    typeof l.workshop?.slug === "string"
  );
}

/** A product line's planned pickup time, if it is one; anything else is dropped (the line stays). */
function withValidPickup(l: BasketLine): BasketLine {
  if (l.kind !== "product" || l.pickupAt === undefined) return l;
  if (typeof l.pickupAt === "string" && parseWallMinute(l.pickupAt)) return l;
  const { pickupAt: _dropped, ...line } = l;
  return line;
}

/** Reads a stored basket, discarding anything that is not one (old versions, edits by hand). */
export function parseBasket(raw: string | null): Basket {
  if (!raw) return EMPTY_BASKET;
  try {
    const value = JSON.parse(raw) as Partial<Basket>;
    if (value?.version !== 1 || !Array.isArray(value.lines)) return EMPTY_BASKET;
    const basket: Basket = { version: 1, lines: value.lines.filter(validLine).map(withValidPickup) };
    if (value.fulfilment && typeof value.fulfilment === "object") basket.fulfilment = value.fulfilment;
    if (value.address && typeof value.address === "object") basket.address = value.address;
    return tidy(basket);
  } catch {
    return EMPTY_BASKET;
  }
}
