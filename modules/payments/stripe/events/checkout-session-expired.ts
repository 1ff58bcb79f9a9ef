import "server-only";
import type Stripe from "stripe";
import { applyOnce } from "../../record-event";
import type { WebhookOutcome } from "./outcome";
import { sessionOrderId } from "./session-payment";

/**
 * Stripe closed an unpaid session. Recorded only: the order's hold ends on its own
 * (sooner than the session), and an expiry that arrives after the payment must
 * not undo it.
 */
export async function checkoutSessionExpired(event: Stripe.CheckoutSessionExpiredEvent): Promise<WebhookOutcome> {
  await applyOnce(event, sessionOrderId(event.data.object));
  return { result: "recorded" };
}
