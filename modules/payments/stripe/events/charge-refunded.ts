import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { releaseSeats } from "@/modules/inventory/capacity";
import { raiseRefunded } from "../../record-refund";
import type { WebhookOutcome } from "./outcome";
import { applyOnce } from "./record-event";

/**
 * Money went back on a charge: ours (an automatic or organiser refund, echoed) or
 * one made in Stripe's dashboard. The payment's refunded amount only rises; an
 * order whose whole price went back is refunded: its tickets stop admitting and
 * their unused seats go back on sale.
 */
export async function chargeRefunded(event: Stripe.ChargeRefundedEvent): Promise<WebhookOutcome> {
  const charge = event.data.object;
  const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const payment = paymentIntent
    ? await db.payment.findFirst({
        where: { provider: "STRIPE", paymentIntentId: paymentIntent },
        include: { order: { select: { totalCents: true, currency: true } } },
      })
    : null;
  if (!payment) {
    // Ours (Checkout copies the order id onto the charge) but its payment is not recorded
    // yet: events can overtake each other, so ask Stripe to deliver this one again later.
    return charge.metadata?.orderId ? { result: "payment_not_recorded", retry: true } : { result: "ignored" };
  }
  const applied = await applyOnce(event, payment.orderId, async (tx) => {
    await raiseRefunded(tx, payment, charge.amount_refunded);
    // Only the payment that paid the order speaks for it (not one refunded for a wrong amount).
    const paidThisOrder =
      payment.amountCents === payment.order.totalCents && payment.currency === payment.order.currency;
    if (!paidThisOrder) return;
    if (charge.amount_refunded >= payment.amountCents) {
      const refunded = await tx.order.updateMany({
        where: { id: payment.orderId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
        data: { status: "REFUNDED" },
      });
      if (refunded.count === 1) {
        // The tickets stop admitting, and the seats not yet used go back on sale.
        const voided = await tx.ticket.findMany({
          where: { orderId: payment.orderId, status: "VALID" },
          select: { sessionId: true, checkedInAt: true },
        });
        await tx.ticket.updateMany({
          where: { orderId: payment.orderId, status: "VALID" },
          data: { status: "REFUNDED" },
        });
        const seats = new Map<string, number>();
        for (const t of voided) if (!t.checkedInAt) seats.set(t.sessionId, (seats.get(t.sessionId) ?? 0) + 1);
        for (const [sessionId, n] of [...seats].sort(([a], [b]) => a.localeCompare(b))) {
          await releaseSeats(tx, sessionId, n);
        }
      }
    } else if (charge.amount_refunded > 0) {
      await tx.order.updateMany({
        where: { id: payment.orderId, status: "PAID" },
        data: { status: "PARTIALLY_REFUNDED" },
      });
    }
  });
  if (applied) {
    log().info(
      { orderId: payment.orderId, paymentId: payment.id, refundedCents: charge.amount_refunded, eventId: event.id },
      "refund confirmed by Stripe",
    );
  }
  return { result: applied ? "recorded" : "duplicate" };
}
