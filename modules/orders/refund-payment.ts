import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { providerNamed } from "@/lib/payments/provider";
import { UserError } from "@/lib/user-error";
import type { Tx } from "@/modules/inventory/capacity";

/** What a refund is for: the reason code, and for a product line its line, units, note and who refunded. */
export type RefundRecord = {
  reason: string;
  orderItemId?: string;
  quantity?: number;
  note?: string | null;
  createdById?: string | null;
};

/**
 * Records a refund against the payment that paid the order, inside the caller's
 * transaction, before the provider hears of it. The payment's refunded amount
 * rises by one guarded increment, so concurrent refunds of the same order can
 * never pay back more than was paid. `exact` refunds all of `amountCents` or
 * nothing (a product line's refund); otherwise the amount is cut to what is left
 * (cancelled tickets). Returns null when nothing is left to pay back.
 */
export async function recordRefund(
  tx: Tx,
  orderId: string,
  amountCents: number,
  record: RefundRecord,
  opts: { exact?: boolean } = {},
) {
  const payment = await tx.payment.findFirst({
    where: { orderId, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } },
    orderBy: { createdAt: "asc" },
  });
  if (!payment) return null;
  const refundable = payment.amountCents - payment.refundedCents;
  if (opts.exact && amountCents > refundable) return null;
  const amount = Math.min(amountCents, refundable);
  if (amount <= 0) return null;
  const raised = await tx.payment.updateMany({
    where: { id: payment.id, refundedCents: { lte: payment.amountCents - amount } },
    data: { refundedCents: { increment: amount } },
  });
  // Another refund of this payment came first and left too little: change nothing.
  if (raised.count !== 1) throw new UserError("order.cancel.changed");
  const { refundedCents } = await tx.payment.findUniqueOrThrow({
    where: { id: payment.id },
    select: { refundedCents: true },
  });
  await tx.payment.update({
    where: { id: payment.id },
    data: { status: refundedCents >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
  return tx.refund.create({
    data: {
      paymentId: payment.id,
      amountCents: amount,
      reason: record.reason,
      orderItemId: record.orderItemId ?? null,
      quantity: record.quantity ?? 0,
      note: record.note ?? null,
      createdById: record.createdById ?? null,
    },
    select: { id: true, amountCents: true },
  });
}

/** The refund's key at the provider (WeChat Pay's out_refund_no, Alipay's out_request_no, Stripe's idempotency key). */
export const refundKey = (refundId: string) => `refund-${refundId}`;

/**
 * Asks the payment provider to pay a recorded refund back. Safe to repeat: the
 * refund's id is the idempotency key. Returns whether the provider confirmed it
 * (false too for a refund that is not the given order's).
 */
export async function sendRefund(refundId: string, orderId?: string): Promise<boolean> {
  const refund = await db.refund.findFirst({
    where: { id: refundId, ...(orderId ? { payment: { orderId } } : {}) },
    include: { payment: true },
  });
  if (!refund) return false;
  if (refund.providerRef) return true;
  const about = {
    orderId: refund.payment.orderId,
    refundId: refund.id,
    paymentId: refund.paymentId,
    amountCents: refund.amountCents,
    reason: refund.reason,
  };
  try {
    const provider = await providerNamed(refund.payment.provider);
    if (!provider) {
      log().warn(
        { ...about, provider: refund.payment.provider },
        "refund failed: the payment's provider is not configured",
      );
      return false;
    }
    log().info({ ...about, provider: provider.name }, "refund requested");
    const { providerRef, settled } = await provider.refund({
      payment: refund.payment,
      amountCents: refund.amountCents,
      idempotencyKey: refundKey(refund.id),
      reason: refund.reason ?? "requested_by_customer",
    });
    // A card refund is done when Stripe says so; WeChat Pay's settles later (its notification, or a query).
    await db.refund.update({
      where: { id: refund.id },
      data: { providerRef, settledAt: settled === false ? null : new Date() },
    });
    log().info({ ...about, providerRefundId: providerRef }, "refund confirmed");
    return true;
  } catch (error) {
    log().warn({ ...about, err: error }, "refund failed: not confirmed by the provider");
    return false;
  }
}
