import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { orderAccessToken } from "@/lib/codes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { deliveryFees } from "@/modules/shop/fulfilment";
import { releaseExpiredHolds } from "./expire-holds";
import { type PlannedLine, type PlannedOrder, type PlannedProductLine, placeOrder, SoldOutError } from "./place-orders";
import { readSaleFacts, type SaleProduct } from "./sale-facts";
import { type CreateOrderInput, MAX_LINE_QUANTITY, type ProductItemInput, type TicketItemInput } from "./schemas";

export const HOLD_MINUTES = 15;

export { HoldLimitError, type Shortage, SoldOutError } from "./place-orders";

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

type Context = { userId: string | null; locale: string; now?: Date };

const METHOD = {
  workshop_pickup: "WORKSHOP_PICKUP",
  festival_pickup: "FESTIVAL_PICKUP",
  delivery: "DELIVERY",
} as const;

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
  const typeById = new Map(facts.types.map((t) => [t.id, t]));
  const sessionById = new Map(facts.sessions.map((s) => [s.id, s]));
  const productById = new Map(facts.products.map((p) => [p.id, p]));

  // Field errors are keyed by the item's place in the request.
  const fields: Record<string, string> = {};
  const at = (item: CreateOrderInput["items"][number]) => input.items.indexOf(item);
  for (const item of ticketItems) {
    const type = typeById.get(item.ticketTypeId);
    const session = sessionById.get(item.sessionId);
    if (!type?.active || type.festival.status !== "PUBLISHED") {
      fields[`items.${at(item)}.ticketTypeId`] = "validation.order.unknownTicketType";
    }
    if (!session) fields[`items.${at(item)}.sessionId`] = "validation.order.unknownSession";
    else if (type && session.festivalId !== type.festivalId)
      fields[`items.${at(item)}.sessionId`] = "validation.order.sessionMismatch";
  }
  for (const item of productItems) {
    const product = productById.get(item.productId);
    if (!product?.onSale) {
      fields[`items.${at(item)}.productId`] = "validation.order.unknownProduct";
      continue;
    }
    const problem = fulfilmentProblem(product, item, sessionById, now);
    if (problem) fields[`items.${at(item)}.fulfilment`] = problem;
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);

  // A product taken at a festival gate needs a ticket for that session: in this order, or one already paid for.
  const ticketSessions = new Set(ticketItems.map((i) => i.sessionId));
  const elsewhere = [...new Set(pickupSessionIds.filter((id) => !ticketSessions.has(id)))];
  if (elsewhere.length > 0) {
    const held = await sessionsWithPaidTickets(elsewhere, input.customer.phone, ctx.userId);
    for (const item of productItems) {
      if (item.fulfilment.method === "festival_pickup" && !ticketSessions.has(item.fulfilment.sessionId)) {
        if (!held.has(item.fulfilment.sessionId))
          fields[`items.${at(item)}.fulfilment`] = "validation.order.pickupNeedsTicket";
      }
    }
    if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);
  }

  const perType = new Map<string, number>();
  for (const item of ticketItems) perType.set(item.ticketTypeId, (perType.get(item.ticketTypeId) ?? 0) + item.quantity);
  const totalTickets = ticketItems.reduce((sum, i) => sum + i.quantity, 0);
  for (const [typeId, quantity] of perType) {
    const type = typeById.get(typeId);
    if (type && (quantity > type.maxPerOrder || totalTickets > type.festival.maxTicketsPerOrder)) {
      throw new UserError("errors.checkFields", { items: "validation.order.tooMany" });
    }
  }

  const closedSessions = ticketItems
    .filter((item) => {
      const festival = typeById.get(item.ticketTypeId)?.festival;
      const session = sessionById.get(item.sessionId);
      return (
        !festival || !session || now < festival.salesStartAt || now >= festival.salesEndAt || now >= session.startsAt
      );
    })
    .map((i) => i.sessionId);
  const closedProducts = productItems
    .filter((item) => {
      const until = productById.get(item.productId)?.availableUntil;
      return until !== null && until !== undefined && now >= until;
    })
    .map((i) => i.productId);
  if (closedSessions.length > 0 || closedProducts.length > 0) {
    throw new NotOnSaleError([...new Set(closedSessions)], [...new Set(closedProducts)]);
  }

  const lines: PlannedLine[] = [
    ...ticketItems.map((item): PlannedLine => {
      const type = typeById.get(item.ticketTypeId);
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
    }),
    ...productLines(productItems, productById),
  ];
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
    accessTokenHash: access.hash,
    now,
    expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
    lines,
  };
  let code: string;
  try {
    code = await placeOrder(planned);
  } catch (error) {
    // A buyer at the limit: expired holds do not count, so no sweep is needed first.
    if (!(error instanceof SoldOutError)) throw error;
    // Seats and stock from abandoned orders go back before anyone is told "sold out".
    const released = await releaseExpiredHolds(now, {
      sessionIds: lines.flatMap((l) => (l.kind === "ticket" ? [l.sessionId] : [])),
      productIds: lines.flatMap((l) => (l.kind === "product" ? [l.productId] : [])),
    });
    if (released === 0) throw error;
    code = await placeOrder(planned);
  }
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
