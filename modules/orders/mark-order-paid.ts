import "server-only";
import { randomCode } from "@/lib/codes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { log } from "@/lib/log";
import type { ProviderName } from "@/lib/payments/types";
import { reserveSeats, reserveStock, type Tx } from "@/modules/inventory/capacity";
import { sendOrderConfirmation } from "./mails/order-confirmation";
import { sendPaidOrderTexts } from "./texts/order-texts";

export type PaymentNotice = {
  orderId: string;
  provider: ProviderName;
  /** The provider's id for this payment (Checkout Session id, our out_trade_no at WeChat Pay or Alipay, demo payment id). */
  providerRef: string;
  paymentIntentId?: string | null;
  /** The provider's number for the money (WeChat Pay's transaction_id, Alipay's trade_no). */
  transactionId?: string | null;
  /** When the provider says the buyer paid (its bill's day). */
  paidAt?: Date | null;
  amountCents: number;
  currency: string;
  /** The provider's event id: each event is applied once. */
  eventId: string;
};

export type PaymentOutcome =
  | { result: "paid"; tickets: number }
  | { result: "duplicate" }
  | { result: "already_paid" }
  | { result: "refund_needed"; reason: "sold_out" | "amount_mismatch" | "cancelled" }
  | { result: "not_found" };

/** The money received, whatever becomes of the order (kept for refunds and reports). */
async function recordPayment(tx: Tx, notice: PaymentNotice): Promise<void> {
  await tx.payment.upsert({
    where: { providerRef: notice.providerRef },
    create: {
      orderId: notice.orderId,
      provider: notice.provider,
      providerRef: notice.providerRef,
      paymentIntentId: notice.paymentIntentId ?? null,
      transactionId: notice.transactionId ?? null,
      paidAt: notice.paidAt ?? null,
      amountCents: notice.amountCents,
      currency: notice.currency,
      status: "SUCCEEDED",
    },
    // Seen before: keep its state (it may have been refunded since).
    update: { paymentIntentId: notice.paymentIntentId ?? undefined, transactionId: notice.transactionId ?? undefined },
  });
}

/** Splits a price over the tickets it buys, in whole fen, the remainder on the first. */
function split(cents: number, parts: number): number[] {
  const each = Math.floor(cents / parts);
  return Array.from({ length: parts }, (_, i) => (i === 0 ? cents - each * (parts - 1) : each));
}

async function issueTickets(tx: Tx, orderId: string): Promise<number> {
  const items = await tx.orderItem.findMany({
    where: { orderId, kind: "TICKET" },
    include: { ticketType: { select: { admissions: true } } },
  });
  let issued = 0;
  for (const item of items) {
    if (!item.ticketTypeId || !item.sessionId) continue;
    const admissions = item.ticketType?.admissions ?? 1;
    for (let n = 0; n < item.quantity; n++) {
      for (const priceCents of split(item.unitPriceCents, admissions)) {
        await tx.ticket.create({
          data: {
            code: randomCode(10),
            orderId,
            orderItemId: item.id,
            ticketTypeId: item.ticketTypeId,
            sessionId: item.sessionId,
            priceCents,
          },
        });
        issued++;
      }
    }
  }
  await tx.orderItem.updateMany({ where: { orderId }, data: { fulfilmentStatus: "PAID" } });
  return issued;
}

/**
 * The one place an order becomes paid. Called by the payment webhook (or the demo
 * payment page); safe to call again with the same event, or after the order's hold
 * expired: then the seats are taken again if they are still free, and otherwise
 * the caller is told to refund. Never sells a seat twice. The buyer is mailed the
 * confirmation (mails/order-confirmation.ts) and texted the e-tickets, and each farmer
 * their new lines (texts/order-texts.ts), once, by the call that made the order paid.
 */
export async function markOrderPaid(notice: PaymentNotice, now = new Date()): Promise<PaymentOutcome> {
  const outcome = await applyPaymentOnce(notice, now);
  // Ids and amounts only: the provider's references name no person and no card.
  const about = {
    orderId: notice.orderId,
    provider: notice.provider,
    paymentRef: notice.providerRef,
    paymentIntentId: notice.paymentIntentId ?? undefined,
    eventId: notice.eventId,
    amountCents: notice.amountCents,
    currency: notice.currency,
  };
  if (outcome.result === "paid") log().info({ ...about, tickets: outcome.tickets }, "payment succeeded");
  else if (outcome.result === "refund_needed")
    log().warn({ ...about, reason: outcome.reason }, "payment needs a refund");
  else log().info({ ...about, result: outcome.result }, `payment ${outcome.result.replace("_", " ")}`);
  // After the commit, and only for the event that made the order paid (a replay mails nothing).
  // Awaited, so the outbox row exists when the payment returns and no work outlives the
  // request; caught, because a mail that fails must not fail a payment that succeeded.
  if (outcome.result === "paid") {
    await sendOrderConfirmation(notice.orderId).catch((error: unknown) =>
      log().error({ orderId: notice.orderId, err: error }, "confirmation mail failed"),
    );
    // The buyer's e-tickets and each farmer's new lines by text (never throws).
    await sendPaidOrderTexts(notice.orderId, now);
  }
  return outcome;
}

async function applyPaymentOnce(notice: PaymentNotice, now: Date): Promise<PaymentOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await applyPayment(notice, now);
    } catch (error) {
      if (error instanceof HoldsChangedError && attempt < 2) continue;
      if (!isUniqueViolation(error)) throw error;
      const seen = await db.paymentEvent.findUnique({ where: { id: notice.eventId }, select: { id: true } });
      if (seen) return { result: "duplicate" };
      // Otherwise two new ticket codes collided (about one in 10^15): try again.
      if (attempt >= 2) throw error;
    }
  }
}

async function applyPayment(notice: PaymentNotice, now: Date): Promise<PaymentOutcome> {
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.paymentEvent.create({
          data: { id: notice.eventId, provider: notice.provider, type: "payment_succeeded", orderId: notice.orderId },
        });
        const order = await tx.order.findUnique({
          where: { id: notice.orderId },
          include: { holds: true },
        });
        if (!order) return { result: "not_found" } as const;
        await recordPayment(tx, notice);
        if (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED")
          return { result: "already_paid" } as const;
        if (order.status === "CANCELLED" || order.status === "REFUNDED") {
          return { result: "refund_needed", reason: "cancelled" } as const;
        }
        if (notice.amountCents !== order.totalCents || notice.currency !== order.currency) {
          return { result: "refund_needed", reason: "amount_mismatch" } as const;
        }
        if (order.status === "EXPIRED") {
          // Paid after the hold ran out: take the seats and stock again if they are still free
          // (sessions, then products, each in id order, as orders take them).
          const bySession = new Map<string, number>();
          const byProduct = new Map<string, number>();
          for (const h of order.holds) {
            if (h.sessionId) bySession.set(h.sessionId, (bySession.get(h.sessionId) ?? 0) + h.quantity);
            if (h.productId) byProduct.set(h.productId, (byProduct.get(h.productId) ?? 0) + h.quantity);
          }
          for (const [sessionId, seats] of [...bySession].sort(([a], [b]) => a.localeCompare(b))) {
            if (!(await reserveSeats(tx, sessionId, seats))) throw new SeatsGoneError();
          }
          for (const [productId, units] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
            if (!(await reserveStock(tx, productId, units))) throw new SeatsGoneError();
          }
        } else {
          const converted = await tx.hold.updateMany({
            where: { orderId: order.id, status: "ACTIVE" },
            data: { status: "CONVERTED" },
          });
          // The hold ran out between reading the order and converting it (expiry at the deadline): read again.
          if (converted.count !== order.holds.length) throw new HoldsChangedError();
        }
        await tx.hold.updateMany({ where: { orderId: order.id }, data: { status: "CONVERTED" } });
        const paid = await tx.order.updateMany({
          where: { id: order.id, status: { in: ["PENDING", "EXPIRED"] } },
          data: { status: "PAID", paidAt: now },
        });
        if (paid.count !== 1) throw new Error("order state changed under a payment");
        // A waiting-list offer paid (also after its hold ran out, if the seats were still free): claimed.
        await tx.waitlistEntry.updateMany({
          where: { orderId: order.id, status: { in: ["OFFERED", "EXPIRED"] } },
          data: { status: "CLAIMED" },
        });
        return { result: "paid", tickets: await issueTickets(tx, order.id) } as const;
      },
      { maxWait: 60_000, timeout: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof SeatsGoneError)) throw error;
    // Money arrived for seats that are gone: record it for the refund (a replay is then a duplicate).
    await db.$transaction(async (tx) => {
      await tx.paymentEvent.create({
        data: {
          id: notice.eventId,
          provider: notice.provider,
          type: "payment_succeeded_sold_out",
          orderId: notice.orderId,
        },
      });
      await recordPayment(tx, notice);
    });
    return { result: "refund_needed", reason: "sold_out" };
  }
}

class SeatsGoneError extends Error {}

/** The order's holds were released while the payment read it; the transaction rolled back and is tried again. */
class HoldsChangedError extends Error {
  constructor() {
    super("order holds changed under a payment");
  }
}
