import "server-only";
import { randomUUID } from "node:crypto";
import { orderAccessToken, randomCode } from "@/lib/codes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { reserveSeats } from "./capacity";
import { releaseExpiredHolds } from "./expire-holds";
import type { CreateOrderInput } from "./schemas";

export const HOLD_MINUTES = 15;

export type Shortage = { sessionId: string; requested: number; remaining: number };

/** Some session has fewer seats left than the order asks for; nothing was held. */
export class SoldOutError extends Error {
  constructor(readonly shortages: Shortage[]) {
    super("sold_out");
  }
}

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
 * HOLD_MINUTES in the same transaction, or not at all.
 */
export async function createOrder(input: CreateOrderInput, ctx: Context): Promise<CreatedOrder> {
  const now = ctx.now ?? new Date();
  const ticketTypeIds = [...new Set(input.items.map((i) => i.ticketTypeId))];
  const sessionIds = [...new Set(input.items.map((i) => i.sessionId))];
  const [ticketTypes, sessions] = await Promise.all([
    db.ticketType.findMany({
      where: { id: { in: ticketTypeIds } },
      include: {
        festival: {
          select: { id: true, status: true, salesStartAt: true, salesEndAt: true, maxTicketsPerOrder: true },
        },
      },
    }),
    db.festivalSession.findMany({
      where: { id: { in: sessionIds } },
      select: { id: true, festivalId: true, startsAt: true },
    }),
  ]);
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

  try {
    return await placeOrder(input, ctx, now, lines, seatsBySession);
  } catch (error) {
    if (!(error instanceof SoldOutError)) throw error;
    // Seats from abandoned orders go back before anyone is told "sold out".
    const released = await releaseExpiredHolds(now, [...seatsBySession.keys()]);
    if (released === 0) throw error;
    return placeOrder(input, ctx, now, lines, seatsBySession);
  }
}

type Line = {
  item: CreateOrderInput["items"][number];
  type: { id: string; priceCents: number; currency: string; nameZh: string; nameEn: string };
  seats: number;
  total: number;
};

async function placeOrder(
  input: CreateOrderInput,
  ctx: Context,
  now: Date,
  lines: Line[],
  seatsBySession: Map<string, number>,
): Promise<CreatedOrder> {
  const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const totalCents = lines.reduce((sum, l) => sum + l.total, 0);
  const currency = lines[0]?.type.currency ?? "CNY";
  const orderId = randomUUID();
  const access = orderAccessToken(orderId, env.authSecret);
  const items = lines.map((line) => ({ id: randomUUID(), line }));

  for (let attempt = 0; ; attempt++) {
    const code = `SQ${randomCode(8)}`;
    try {
      await db.$transaction(
        async (tx) => {
          await tx.order.create({
            data: {
              id: orderId,
              code,
              userId: ctx.userId,
              customerName: input.customer.name,
              customerPhone: input.customer.phone,
              customerEmail: input.customer.email,
              totalCents,
              currency,
              expiresAt,
              accessTokenHash: access.hash,
              locale: ctx.locale,
            },
            select: { id: true },
          });
          await tx.orderItem.createMany({
            data: items.map(({ id, line }) => ({
              id,
              orderId,
              kind: "TICKET" as const,
              ticketTypeId: line.type.id,
              sessionId: line.item.sessionId,
              quantity: line.item.quantity,
              unitPriceCents: line.type.priceCents,
              totalCents: line.total,
              currency: line.type.currency,
              nameZh: line.type.nameZh,
              nameEn: line.type.nameEn,
            })),
          });
          await tx.hold.createMany({
            data: items.map(({ id, line }) => ({
              orderId,
              orderItemId: id,
              sessionId: line.item.sessionId,
              quantity: line.seats,
              expiresAt,
            })),
          });
          // Seats last: the session row stays locked only from here to the commit.
          // A fixed order of sessions, so two orders never wait on each other's rows.
          const shortages: Shortage[] = [];
          for (const [sessionId, seats] of [...seatsBySession].sort(([x], [y]) => x.localeCompare(y))) {
            if (!(await reserveSeats(tx, sessionId, seats))) {
              const s = await tx.festivalSession.findUniqueOrThrow({
                where: { id: sessionId },
                select: { capacity: true, reserved: true },
              });
              shortages.push({ sessionId, requested: seats, remaining: Math.max(0, s.capacity - s.reserved) });
            }
          }
          if (shortages.length > 0) throw new SoldOutError(shortages);
        },
        // Many buyers at once queue for the database rather than fail.
        { maxWait: 60_000, timeout: 30_000 },
      );
      return {
        order: { id: orderId, code, status: "pending", totalCents, currency, expiresAt: expiresAt.toISOString() },
        accessToken: access.token,
      };
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}
