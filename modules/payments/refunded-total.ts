import "server-only";
import { releaseSeats, type Tx } from "@/modules/inventory/capacity";
import { raiseRefunded } from "./record-refund";

type PaymentWithOrder = {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  order: { totalCents: number; currency: string };
};

/**
 * The provider says `refundedCents` of a payment went back in all (a Stripe charge's
 * total, or WeChat Pay / Alipay refunds made outside this site). The payment's refunded
 * amount only rises; an order whose whole price went back is refunded: its tickets stop
 * admitting and their unused seats go back on sale.
 */
export async function applyRefundedTotal(tx: Tx, payment: PaymentWithOrder, refundedCents: number): Promise<void> {
  await raiseRefunded(tx, payment, refundedCents);
  // Only the payment that paid the order speaks for it (not one refunded for a wrong amount).
  const paidThisOrder = payment.amountCents === payment.order.totalCents && payment.currency === payment.order.currency;
  if (!paidThisOrder) return;
  if (refundedCents >= payment.amountCents) {
    const refunded = await tx.order.updateMany({
      where: { id: payment.orderId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
      data: { status: "REFUNDED" },
    });
    if (refunded.count !== 1) return;
    // The tickets stop admitting, and the seats not yet used go back on sale.
    const voided = await tx.ticket.findMany({
      where: { orderId: payment.orderId, status: "VALID" },
      select: { sessionId: true, checkedInAt: true },
    });
    await tx.ticket.updateMany({ where: { orderId: payment.orderId, status: "VALID" }, data: { status: "REFUNDED" } });
    const seats = new Map<string, number>();
    for (const t of voided) if (!t.checkedInAt) seats.set(t.sessionId, (seats.get(t.sessionId) ?? 0) + 1);
    for (const [sessionId, n] of [...seats].sort(([a], [b]) => a.localeCompare(b))) {
      await releaseSeats(tx, sessionId, n);
    }
  } else if (refundedCents > 0) {
    await tx.order.updateMany({
      where: { id: payment.orderId, status: "PAID" },
      data: { status: "PARTIALLY_REFUNDED" },
    });
  }
}
