import "server-only";
import { randomUUID } from "node:crypto";
import { orderAccessToken } from "@/lib/codes";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { releaseExpiredHolds } from "./expire-holds";
import { type PlannedOrder, placeOrder, SoldOutError } from "./place-orders";
import { readSaleFacts } from "./sale-facts";
import type { CreateOrderInput } from "./schemas";

export const HOLD_MINUTES = 15;

export { type Shortage, SoldOutError } from "./place-orders";

/** The festival or session is not selling now (not yet open, closed, or started). */
export class NotOnSaleError extends Error {
  constructor(readonly sessionIds: string[]) {
    super("not_on_sale");
  }
}

export type CreatedOrder = {
  order: { id: string; code: string; status: "pending"; totalCents: number; currency: string; expiresAt: string };
  accessToken: string;
};

type Context = { userId: string | null; locale: string; now?: Date };

/**
 * Places an order: prices come from the database, and the seats are held for
 * HOLD_MINUTES in the same transaction as the order is written, or not at all
 * (together with the orders arriving at the same moment: see place-orders.ts).
 */
export async function createOrder(input: CreateOrderInput, ctx: Context): Promise<CreatedOrder> {
  const now = ctx.now ?? new Date();
  const ticketTypeIds = [...new Set(input.items.map((i) => i.ticketTypeId))];
  const sessionIds = [...new Set(input.items.map((i) => i.sessionId))];
  const [ticketTypes, sessions] = await readSaleFacts(ticketTypeIds, sessionIds);
  const typeById = new Map(ticketTypes.map((t) => [t.id, t]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));

  const fields: Record<string, string> = {};
  input.items.forEach((item, i) => {
    const type = typeById.get(item.ticketTypeId);
    const session = sessionById.get(item.sessionId);
    if (!type?.active || type.festival.status !== "PUBLISHED") {
      fields[`items.${i}.ticketTypeId`] = "validation.order.unknownTicketType";
    }
    if (!session) fields[`items.${i}.sessionId`] = "validation.order.unknownSession";
    else if (type && session.festivalId !== type.festivalId)
      fields[`items.${i}.sessionId`] = "validation.order.sessionMismatch";
  });
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);

  const perType = new Map<string, number>();
  for (const item of input.items) perType.set(item.ticketTypeId, (perType.get(item.ticketTypeId) ?? 0) + item.quantity);
  const total = input.items.reduce((sum, i) => sum + i.quantity, 0);
  for (const [typeId, quantity] of perType) {
    const type = typeById.get(typeId);
    if (type && (quantity > type.maxPerOrder || total > type.festival.maxTicketsPerOrder)) {
      throw new UserError("errors.checkFields", { items: "validation.order.tooMany" });
    }
  }

  const closed = input.items
    .filter((item) => {
      const festival = typeById.get(item.ticketTypeId)?.festival;
      const session = sessionById.get(item.sessionId);
      return (
        !festival || !session || now < festival.salesStartAt || now >= festival.salesEndAt || now >= session.startsAt
      );
    })
    .map((i) => i.sessionId);
  if (closed.length > 0) throw new NotOnSaleError([...new Set(closed)]);

  const seatsBySession = new Map<string, number>();
  for (const item of input.items) {
    const admissions = typeById.get(item.ticketTypeId)?.admissions ?? 1;
    seatsBySession.set(item.sessionId, (seatsBySession.get(item.sessionId) ?? 0) + item.quantity * admissions);
  }
  const lines = input.items.map((item) => {
    const type = typeById.get(item.ticketTypeId);
    if (!type) throw new Error("unreachable: ticket type checked above");
    return { item, type, seats: item.quantity * type.admissions, total: item.quantity * type.priceCents };
  });
  const currencies = new Set(lines.map((l) => l.type.currency));
  if (currencies.size > 1) throw new UserError("errors.checkFields", { items: "validation.order.currency" });

  const orderId = randomUUID();
  const access = orderAccessToken(orderId, env.authSecret);
  const planned: PlannedOrder = {
    id: orderId,
    userId: ctx.userId,
    customer: input.customer,
    totalCents: lines.reduce((sum, l) => sum + l.total, 0),
    currency: lines[0]?.type.currency ?? "CNY",
    locale: ctx.locale,
    accessTokenHash: access.hash,
    now,
    expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
    lines: lines.map((l) => ({
      sessionId: l.item.sessionId,
      ticketTypeId: l.type.id,
      quantity: l.item.quantity,
      seats: l.seats,
      unitPriceCents: l.type.priceCents,
      totalCents: l.total,
      currency: l.type.currency,
      nameZh: l.type.nameZh,
      nameEn: l.type.nameEn,
    })),
  };
  let code: string;
  try {
    code = await placeOrder(planned);
  } catch (error) {
    if (!(error instanceof SoldOutError)) throw error;
    // Seats from abandoned orders go back before anyone is told "sold out".
    const released = await releaseExpiredHolds(now, [...seatsBySession.keys()]);
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
