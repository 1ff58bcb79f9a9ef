import "server-only";
import type Stripe from "stripe";
import { markOrderPaid } from "@/modules/orders/mark-order-paid";
import { refundUnusablePayment } from "../../refund-unusable-payment";
import type { WebhookOutcome } from "./outcome";

/** Our order behind a Checkout Session (we set both when creating it). */
export function sessionOrderId(session: Stripe.Checkout.Session): string | null {
  return session.client_reference_id ?? session.metadata?.orderId ?? null;
}

/**
 * A Checkout Session whose money has arrived: the order becomes paid (once, in
 * markOrderPaid), or, if it cannot take the money any more, the money goes back.
 */
export async function applySessionPayment(
  event: Pick<Stripe.Event, "id">,
  session: Stripe.Checkout.Session,
): Promise<WebhookOutcome> {
  const orderId = sessionOrderId(session);
  if (!orderId) return { result: "ignored" };
  const paymentIntent = session.payment_intent;
  const outcome = await markOrderPaid({
    orderId,
    provider: "STRIPE",
    providerRef: session.id,
    paymentIntentId: typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null),
    amountCents: session.amount_total ?? 0,
    currency: (session.currency ?? "").toUpperCase(),
    eventId: event.id,
  });
  if (outcome.result === "not_found") return { result: "unknown_order" };
  // Also after a duplicate: a crash between recording the payment and refunding it is retried here.
  const refund = await refundUnusablePayment(session.id);
  return refund ? { result: "refunded", refundedCents: refund.refundedCents } : { result: outcome.result };
}
