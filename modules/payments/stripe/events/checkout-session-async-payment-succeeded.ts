import "server-only";
import type Stripe from "stripe";
import type { WebhookOutcome } from "./outcome";
import { applySessionPayment } from "./session-payment";

/** A delayed payment method's money arrived after Checkout completed. */
export function checkoutSessionAsyncPaymentSucceeded(
  event: Stripe.CheckoutSessionAsyncPaymentSucceededEvent,
): Promise<WebhookOutcome> {
  return applySessionPayment(event, event.data.object);
}
