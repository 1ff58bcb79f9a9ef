import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { configuredNames, providerNamed } from "@/lib/payments/provider";
import type { ProviderName } from "@/lib/payments/types";
import { markOrderPaid } from "@/modules/orders/mark-order-paid";
import { refundUnusablePayment } from "./refund-unusable-payment";

/** How long before its hold ends a pending order with a provider order is asked about. */
export const QUERY_BEFORE_EXPIRY_MS = 2 * 60_000;

type Trade = { id: string; orderId: string; provider: ProviderName; outTradeNo: string };

/**
 * Asks the provider about one of our orders there and, if it says the money arrived,
 * pays the order from that answer (an authenticated server call, never what the
 * browser says), or gives the money back when the order cannot take it. Returns what
 * the provider said.
 */
export async function queryTrade(trade: Trade): Promise<"paid" | "open" | "closed" | "unknown" | "unavailable"> {
  const provider = await providerNamed(trade.provider);
  if (!provider?.query) return "unavailable";
  const answer = await provider.query(trade.outTradeNo);
  if (answer.state !== "paid") return answer.state;
  if (answer.amountCents === null || !answer.transactionId) return "unknown";
  await markOrderPaid({
    orderId: trade.orderId,
    provider: trade.provider,
    providerRef: trade.outTradeNo,
    transactionId: answer.transactionId,
    paidAt: answer.paidAt,
    amountCents: answer.amountCents,
    currency: (answer.currency ?? "CNY").toUpperCase(),
    // One event per transaction learnt by asking: a second answer is a duplicate.
    eventId: `${trade.provider.toLowerCase()}:query:${answer.transactionId}`,
  });
  await refundUnusablePayment(trade.outTradeNo);
  return "paid";
}

/**
 * The buyer is back on the order page from WeChat Pay or Alipay (or the page looks
 * again while a QR code is shown): a pending order's provider orders are asked about.
 * Errors are logged, never shown: the notification will still come.
 */
export async function confirmFromProviders(orderId: string): Promise<boolean> {
  const trades = await db.providerTrade.findMany({
    where: { orderId, closedAt: null, order: { status: "PENDING" } },
    orderBy: { createdAt: "asc" },
  });
  let paid = false;
  for (const trade of trades) {
    try {
      if ((await queryTrade(trade)) === "paid") paid = true;
    } catch (error) {
      log().warn({ orderId, outTradeNo: trade.outTradeNo, err: error }, "asking the provider about an order failed");
    }
  }
  return paid;
}

/**
 * The payment job, on every instance: pending orders whose hold ends within two
 * minutes are asked about first (a payment whose notification is late still counts);
 * then provider orders of orders that can no longer be paid (expired, cancelled) are
 * closed, so nobody pays for seats that went back on sale, and so are a paid order's
 * other provider orders, so nobody pays twice. Closing twice is harmless
 * at both providers; `closedAt` is set by a guarded update, so each is closed once
 * in the normal case.
 */
export async function sweepProviderTrades(now = new Date()): Promise<{ queried: number; closed: number }> {
  let queried = 0;
  // Only the providers configured now: another's orders wait until it is configured again.
  const provider = { in: configuredNames() };
  const expiring = await db.providerTrade.findMany({
    where: {
      provider,
      closedAt: null,
      order: { status: "PENDING", expiresAt: { lte: new Date(now.getTime() + QUERY_BEFORE_EXPIRY_MS) } },
    },
    take: 100,
  });
  for (const trade of expiring) {
    try {
      await queryTrade(trade);
      queried++;
    } catch (error) {
      log().warn({ orderId: trade.orderId, err: error }, "asking the provider before expiry failed");
    }
  }
  let closed = 0;
  const done = await db.providerTrade.findMany({
    where: { provider, closedAt: null, order: { status: { not: "PENDING" } } },
    include: { order: { select: { payments: { select: { providerRef: true } } } } },
    take: 100,
  });
  // The provider order that paid is finished; the order's others (a QR code shown, then
  // paid on the phone) and those of orders that can no longer be paid are closed.
  const paying = done.filter((t) => t.order.payments.some((p) => p.providerRef === t.outTradeNo));
  if (paying.length > 0)
    await db.providerTrade.updateMany({
      where: { id: { in: paying.map((t) => t.id) }, closedAt: null },
      data: { closedAt: now },
    });
  const dead = done.filter((t) => !paying.includes(t));
  for (const trade of dead) {
    const by = await providerNamed(trade.provider);
    if (!by?.close) continue;
    try {
      const result = await by.close(trade.outTradeNo);
      if (result === "paid") {
        // Paid at the last moment: the payment is applied (and refunded, the seats being gone).
        await queryTrade(trade);
      }
      const marked = await db.providerTrade.updateMany({
        where: { id: trade.id, closedAt: null },
        data: { closedAt: now },
      });
      closed += marked.count;
      log().info({ orderId: trade.orderId, outTradeNo: trade.outTradeNo, result }, "provider order closed");
    } catch (error) {
      log().warn({ orderId: trade.orderId, err: error }, "closing the provider order failed; will retry");
    }
  }
  return { queried, closed };
}
