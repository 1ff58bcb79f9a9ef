import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import type { Tx } from "@/modules/inventory/capacity";

/**
 * Raises a payment's refunded amount to `cents` (never lowers it) and sets its
 * status to match. Both our own record and the provider's report (charge.refunded)
 * go through here, so whichever arrives first, the amount is counted once.
 */
export async function raiseRefunded(tx: Tx, payment: { id: string; amountCents: number }, cents: number) {
  const refunded = Math.min(cents, payment.amountCents);
  if (refunded <= 0) return;
  await tx.payment.updateMany({
    where: { id: payment.id, refundedCents: { lt: refunded } },
    data: { refundedCents: refunded, status: refunded >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
}

/** Records a refund the provider made, once per provider refund id. Returns false if it was already recorded. */
export async function recordRefund(refund: {
  paymentId: string;
  amountCents: number;
  providerRef: string;
  reason: string;
  /** False while the money is on its way (WeChat Pay settles later); the refund is counted either way. */
  settled?: boolean;
}): Promise<boolean> {
  const { settled, ...data } = refund;
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.refund.findUnique({ where: { providerRef: refund.providerRef }, select: { id: true } }))
        return false;
      await tx.refund.create({ data: { ...data, settledAt: settled === false ? null : new Date() } });
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: refund.paymentId } });
      const total = await tx.refund.aggregate({ where: { paymentId: payment.id }, _sum: { amountCents: true } });
      await raiseRefunded(tx, payment, total._sum.amountCents ?? 0);
      return true;
    });
  } catch (error) {
    // The same refund recorded at the same moment by a concurrent delivery.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
