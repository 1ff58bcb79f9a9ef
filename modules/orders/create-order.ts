import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { orderAccessToken } from "@/lib/codes";
import { parseWallMinute } from "@/lib/dates";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { deliveryFees } from "@/modules/inventory/fulfilment";
import { MAX_LINE_QUANTITY } from "@/modules/inventory/limits";
import { releaseExpiredHolds } from "@/modules/inventory/release-expired-holds";
import { readSaleFacts, type SaleProduct } from "@/modules/inventory/sale-facts";
import { type PlannedLine, type PlannedOrder, type PlannedProductLine, placeOrder, SoldOutError } from "./place-orders";
import type { CreateOrderInput, OrderItemInput, ProductItemInput, TicketItemInput } from "./schemas";

export const HOLD_MINUTES = 15;

/** Some festival session or product is not selling now (not yet open, closed, started, or past its season). */
export class NotOnSaleError extends Error {
  constructor(
    readonly sessionIds: string[],
    readonly productIds: string[] = [],
  ) {
    super("not_on_sale");
  }
}

export type CreatedOrder = {
  order: { id: string; code: string; status: "pending"; totalCents: number; currency: string; expiresAt: string };
  accessToken: string;
};

type Context = {
  userId: string | null;
  locale: string;
  now?: Date;
  /** Where the order came from (a rate-limit key); null when the app places it itself. */
  clientAddress?: string | null;
  /**
   * The numbers the buyer's browser (or account) proved with a code. The API always
   * gives them; without them the order is one the app places itself (seed, scripts),
   * not a browser's, and the rules for unproven numbers do not apply.
   */
  provenPhones?: Pick<ReadonlySet<string>, "has">;
};

const METHOD = {
  workshop_pickup: "WORKSHOP_PICKUP",
  festival_pickup: "FESTIVAL_PICKUP",
  delivery: "DELIVERY",
} as const;

type SaleFacts = Awaited<ReturnType<typeof readSaleFacts>>;

/** The sale's facts by id: ticket types (with their festival), sessions and products. */
type Known = {
  types: Map<string, SaleFacts["types"][number]>;
  sessions: Map<string, SaleFacts["sessions"][number]>;
  products: Map<string, SaleProduct>;
};

/** Field errors are keyed by the item's place in the request. */
const itemField = (input: CreateOrderInput, item: OrderItemInput, field: string) =>
  `items.${input.items.indexOf(item)}.${field}`;

/**
 * Places an order: prices come from the database, and the seats and stock are
 * held for HOLD_MINUTES in the same transaction as the order is written, or not
 * at all (together with the orders arriving at the same moment: see place-orders.ts).
 */
export async function createOrder(input: CreateOrderInput, ctx: Context): Promise<CreatedOrder> {
  const now = ctx.now ?? new Date();
  const ticketItems = input.items.filter((i): i is TicketItemInput => i.kind === "ticket");
  const productItems = input.items.filter((i): i is ProductItemInput => i.kind === "product");
  const pickupSessionIds = productItems.flatMap((i) =>
    i.fulfilment.method === "festival_pickup" ? [i.fulfilment.sessionId] : [],
  );
  const facts = await readSaleFacts({
    typeIds: [...new Set(ticketItems.map((i) => i.ticketTypeId))],
    sessionIds: [...new Set([...ticketItems.map((i) => i.sessionId), ...pickupSessionIds])],
    productIds: [...new Set(productItems.map((i) => i.productId))],
  });
  const known: Known = {
    types: new Map(facts.types.map((t) => [t.id, t])),
    sessions: new Map(facts.sessions.map((s) => [s.id, s])),
    products: new Map(facts.products.map((p) => [p.id, p])),
  };

  checkItems(input, ticketItems, productItems, known, now);
  await checkPickupTickets(input, ctx.userId, ticketItems, productItems, pickupSessionIds);
  checkQuantities(ticketItems, known);
  checkOnSale(ticketItems, productItems, known, now);

  const lines: PlannedLine[] = [...ticketLines(ticketItems, known), ...productLines(productItems, known.products)];
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size > 1) throw new UserError("errors.checkFields", { items: "validation.order.currency" });

  const orderId = randomUUID();
  const access = orderAccessToken(orderId, env.authSecret);
  const planned: PlannedOrder = {
    id: orderId,
    userId: ctx.userId,
    customer: input.customer,
    totalCents: lines.reduce((sum, l) => sum + l.totalCents + (l.kind === "product" ? l.deliveryFeeCents : 0), 0),
    currency: lines[0]?.currency ?? "CNY",
    locale: ctx.locale,
    privacyConsentVersion: input.privacyConsent ?? null,
    clientAddress: ctx.clientAddress ?? null,
    phoneVerified: ctx.provenPhones ? ctx.provenPhones.has(input.customer.phone) : true,
    accessTokenHash: access.hash,
    now,
    expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
    lines,
  };
  const code = await placeAfterSweep(planned);
  return {
    order: {
      id: orderId,
      code,
      status: "pending",
      totalCents: planned.totalCents,
      currency: planned.currency,
      expiresAt: planned.expiresAt.toISOString(),
    },
    accessToken: access.token,
  };
}

/** Every item names something on sale, and a product's way to the buyer is one it offers. */
function checkItems(
  input: CreateOrderInput,
  ticketItems: TicketItemInput[],
  productItems: ProductItemInput[],
  known: Known,
  now: Date,
) {
  const fields: Record<string, string> = {};
  for (const item of ticketItems) {
    const type = known.types.get(item.ticketTypeId);
    const session = known.sessions.get(item.sessionId);
    if (!type?.active || type.festival.status !== "PUBLISHED") {
      fields[itemField(input, item, "ticketTypeId")] = "validation.order.unknownTicketType";
    }
    if (!session) fields[itemField(input, item, "sessionId")] = "validation.order.unknownSession";
    else if (type && session.festivalId !== type.festivalId)
      fields[itemField(input, item, "sessionId")] = "validation.order.sessionMismatch";
  }
  for (const item of productItems) {
    const product = known.products.get(item.productId);
    if (!product?.onSale) {
      fields[itemField(input, item, "productId")] = "validation.order.unknownProduct";
      continue;
    }
    const problem = fulfilmentProblem(product, item, known.sessions, now);
    if (problem) fields[itemField(input, item, "fulfilment")] = problem;
    else {
      const when = pickupTimeProblem(product, item);
      if (when) fields[itemField(input, item, "fulfilment.at")] = when;
    }
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);
}

/** A product taken at a festival gate needs a ticket for that session: in this order, or one already paid for. */
async function checkPickupTickets(
  input: CreateOrderInput,
  userId: string | null,
  ticketItems: TicketItemInput[],
  productItems: ProductItemInput[],
  pickupSessionIds: string[],
) {
  const ticketSessions = new Set(ticketItems.map((i) => i.sessionId));
  const elsewhere = [...new Set(pickupSessionIds.filter((id) => !ticketSessions.has(id)))];
  if (elsewhere.length === 0) return;
  const held = await sessionsWithPaidTickets(elsewhere, input.customer.phone, userId);
  const fields: Record<string, string> = {};
  for (const item of productItems) {
    if (item.fulfilment.method === "festival_pickup" && !ticketSessions.has(item.fulfilment.sessionId)) {
      if (!held.has(item.fulfilment.sessionId))
        fields[itemField(input, item, "fulfilment")] = "validation.order.pickupNeedsTicket";
    }
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);
}

/** No more tickets of a type than it allows per order, nor in all than its festival does. */
function checkQuantities(ticketItems: TicketItemInput[], known: Known) {
  const perType = new Map<string, number>();
  for (const item of ticketItems) perType.set(item.ticketTypeId, (perType.get(item.ticketTypeId) ?? 0) + item.quantity);
  const totalTickets = ticketItems.reduce((sum, i) => sum + i.quantity, 0);
  for (const [typeId, quantity] of perType) {
    const type = known.types.get(typeId);
    if (type && (quantity > type.maxPerOrder || totalTickets > type.festival.maxTicketsPerOrder)) {
      throw new UserError("errors.checkFields", { items: "validation.order.tooMany" });
    }
  }
}

/** Every session is in its festival's sales window and not started; every product is still in season. */
function checkOnSale(ticketItems: TicketItemInput[], productItems: ProductItemInput[], known: Known, now: Date) {
  const closedSessions = ticketItems
    .filter((item) => {
      const festival = known.types.get(item.ticketTypeId)?.festival;
      const session = known.sessions.get(item.sessionId);
      return (
        !festival || !session || now < festival.salesStartAt || now >= festival.salesEndAt || now >= session.startsAt
      );
    })
    .map((i) => i.sessionId);
  const closedProducts = productItems
    .filter((item) => {
      const until = known.products.get(item.productId)?.availableUntil;
      return until !== null && until !== undefined && now >= until;
    })
    .map((i) => i.productId);
  if (closedSessions.length > 0 || closedProducts.length > 0) {
    throw new NotOnSaleError([...new Set(closedSessions)], [...new Set(closedProducts)]);
  }
}

/** Ticket lines priced from the database. */
function ticketLines(items: TicketItemInput[], known: Known): PlannedLine[] {
  return items.map((item): PlannedLine => {
    const type = known.types.get(item.ticketTypeId);
    if (!type) throw new Error("unreachable: ticket type checked above");
    return {
      kind: "ticket",
      sessionId: item.sessionId,
      ticketTypeId: type.id,
      maxPerBuyer: env.holdLimit ?? type.festival.maxTicketsPerOrder,
      quantity: item.quantity,
      seats: item.quantity * type.admissions,
      unitPriceCents: type.priceCents,
      totalCents: item.quantity * type.priceCents,
      currency: type.currency,
      nameZh: type.nameZh,
      nameEn: type.nameEn,
    };
  });
}

/** Places the order; on a shortage, expired holds of its sessions and products are released and it is tried once more. */
async function placeAfterSweep(planned: PlannedOrder): Promise<string> {
  try {
    return await placeOrder(planned);
  } catch (error) {
    // A buyer at the limit: expired holds do not count, so no sweep is needed first.
    if (!(error instanceof SoldOutError)) throw error;
    // Seats and stock from abandoned orders go back before anyone is told "sold out".
    const released = await releaseExpiredHolds(planned.now, {
      sessionIds: planned.lines.flatMap((l) => (l.kind === "ticket" ? [l.sessionId] : [])),
      productIds: planned.lines.flatMap((l) => (l.kind === "product" ? [l.productId] : [])),
    });
    if (released === 0) throw error;
    return await placeOrder(planned);
  }
}

/** Why the chosen way to get a product does not work, as a message key; null when it does. */
function fulfilmentProblem(
  product: SaleProduct,
  item: ProductItemInput,
  sessions: Map<string, { startsAt: Date }>,
  now: Date,
): string | null {
  const f = item.fulfilment;
  if (f.method === "workshop_pickup") return product.pickupAtWorkshop ? null : "validation.order.fulfilmentNotOffered";
  if (f.method === "delivery") return product.delivery ? null : "validation.order.fulfilmentNotOffered";
  if (!product.pickupAtFestival) return "validation.order.fulfilmentNotOffered";
  const session = sessions.get(f.sessionId);
  if (!session) return "validation.order.pickupSession";
  return session.startsAt > now ? null : "validation.order.pickupSessionPast";
}

/** A workshop pickup's planned time (`at`, a Suoqian wall time) as an instant; null when none is given or it is not one. */
function pickupInstant(item: ProductItemInput): Date | null {
  const f = item.fulfilment;
  return f.method === "workshop_pickup" && f.at !== undefined ? parseWallMinute(f.at) : null;
}

/**
 * Why a planned pickup time cannot be kept, as a message key; null when it can (or none is given).
 * It must fall inside the harvest window (from availableFrom until, not including, availableUntil);
 * a time outside the workshop's opening hours is the planner's warning, not a refusal.
 */
function pickupTimeProblem(product: SaleProduct, item: ProductItemInput): string | null {
  const f = item.fulfilment;
  if (f.method !== "workshop_pickup" || f.at === undefined) return null;
  const at = pickupInstant(item);
  // The API's schema checked the form; orders placed by the app itself are checked here.
  if (!at) return "validation.order.pickupAt";
  const { availableFrom: from, availableUntil: until } = product;
  return (from && at < from) || (until && at >= until) ? "validation.order.pickupAtOutOfSeason" : null;
}

/** Product lines priced from the database; one courier fee per farmer goes on that farmer's first delivered line. */
function productLines(items: ProductItemInput[], products: Map<string, SaleProduct>): PlannedProductLine[] {
  const planned = items.map((item): PlannedProductLine => {
    const product = products.get(item.productId);
    if (!product) throw new Error("unreachable: product checked above");
    const f = item.fulfilment;
    return {
      kind: "product",
      productId: product.id,
      farmerId: product.farmerId,
      maxPerBuyer: env.holdLimit ?? MAX_LINE_QUANTITY,
      quantity: item.quantity,
      unitPriceCents: product.priceCents,
      totalCents: item.quantity * product.priceCents,
      currency: product.currency,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      fulfilmentMethod: METHOD[f.method],
      pickupSessionId: f.method === "festival_pickup" ? f.sessionId : null,
      pickupAt: pickupInstant(item),
      deliveryAddress: f.method === "delivery" ? f.address : null,
      deliveryFeeCents: 0,
    };
  });
  const fees = deliveryFees(
    items.map((item) => {
      const product = products.get(item.productId);
      return {
        farmerId: product?.farmerId ?? "",
        method: item.fulfilment.method,
        deliveryFeeCents: product?.deliveryFeeCents ?? 0,
      };
    }),
  );
  for (const [farmerId, fee] of fees) {
    const first = planned.find((l) => l.farmerId === farmerId && l.fulfilmentMethod === "DELIVERY");
    if (first) first.deliveryFeeCents = fee;
  }
  return planned;
}

/** Of these sessions, those the buyer (by account or mobile number) holds a valid, paid ticket for. */
async function sessionsWithPaidTickets(sessionIds: string[], phone: string, userId: string | null) {
  const owner = userId
    ? Prisma.sql`(o."userId" = ${userId} OR o."customerPhone" = ${phone})`
    : Prisma.sql`o."customerPhone" = ${phone}`;
  const rows = await db.$queryRaw<{ sessionId: string }[]>`
    SELECT DISTINCT t."sessionId" FROM "Ticket" t JOIN "Order" o ON o."id" = t."orderId"
    WHERE t."sessionId" IN (${Prisma.join(sessionIds)}) AND t."status" = 'VALID' AND ${owner}`;
  return new Set(rows.map((r) => r.sessionId));
}
