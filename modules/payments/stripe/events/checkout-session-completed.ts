import "server-only";
import type Stripe from "stripe";
import { applyOnce } from "../../record-event";
import type { WebhookOutcome } from "./outcome";
import { applySessionPayment, sessionOrderId } from "./session-payment";

/**
 * The buyer finished Stripe Checkout. Card, Alipay and WeChat Pay arrive paid; a
 * delayed method arrives unpaid and is settled by async_payment_succeeded.
 */
export async function checkoutSessionCompleted(event: Stripe.CheckoutSessionCompletedEvent): Promise<WebhookOutcome> {
  const session = event.data.object;
  if (session.payment_status === "unpaid") {
    await applyOnce(event, sessionOrderId(session));
    return { result: "awaiting_payment" };
  }
  return applySessionPayment(event, session);
}
