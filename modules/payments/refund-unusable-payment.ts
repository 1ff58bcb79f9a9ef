import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { providerNamed } from "@/lib/payments/provider";
import type { PaymentProvider } from "@/lib/payments/types";
import { recordRefund } from "./record-refund";
import { type UnusableReason, unusableReason } from "./unusable-reason";

/**
 * Gives back money that arrived for an order that cannot take it, once: the
 * decision is read from the database, so a redelivered event (or a retry after a
 * crash between payment and refund) refunds what is still owed and no more, and
 * the key (payment and amount) makes a repeated request the same refund.
 */
export async function refundUnusablePayment(
  providerRef: string,
  provider?: PaymentProvider,
): Promise<{ refundedCents: number; reason: UnusableReason } | null> {
  const payment = await db.payment.findUnique({
    where: { providerRef },
    include: { order: { select: { status: true, totalCents: true, currency: true, paidAt: true } } },
  });
  if (!payment) return null;
  // The order's first payment is the one that paid it; any later one is a second payment.
  const first = await db.payment.findFirst({
    where: { orderId: payment.orderId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const reason = unusableReason(payment, payment.order, first !== null && first.id !== payment.id);
  const owed = payment.amountCents - payment.refundedCents;
  if (!reason || owed <= 0) return null;
  const about = { orderId: payment.orderId, paymentId: payment.id, amountCents: owed, reason, automatic: true };
  log().info(about, "refund requested");
  const by = provider ?? (await providerNamed(payment.provider));
  if (!by) {
    log().error(about, "refund impossible: the payment's provider is not configured");
    return null;
  }
  const { providerRef: refundRef, settled } = await by.refund({
    payment,
    amountCents: owed,
    idempotencyKey: `auto-refund-${payment.id}-${owed}`,
    reason,
  });
  await recordRefund({ paymentId: payment.id, amountCents: owed, providerRef: refundRef, reason, settled });
  log().info({ ...about, providerRefundId: refundRef }, "refund confirmed");
  return { refundedCents: owed, reason };
}
