import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { applyOnce } from "../../record-event";
import { applyRefundedTotal } from "../../refunded-total";
import type { WebhookOutcome } from "./outcome";

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
  const applied = await applyOnce(event, payment.orderId, (tx) =>
    applyRefundedTotal(tx, payment, charge.amount_refunded),
  );
  if (applied) {
    log().info(
      { orderId: payment.orderId, paymentId: payment.id, refundedCents: charge.amount_refunded, eventId: event.id },
      "refund confirmed by Stripe",
    );
  }
  return { result: applied ? "recorded" : "duplicate" };
}
