import "server-only";
import type Stripe from "stripe";
import { applyOnce } from "../../record-event";
import type { WebhookOutcome } from "./outcome";
import { sessionOrderId } from "./session-payment";

/** A delayed payment failed: the order stays pending and its hold lapses as usual. Recorded only. */
export async function checkoutSessionAsyncPaymentFailed(
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent,
): Promise<WebhookOutcome> {
  await applyOnce(event, sessionOrderId(event.data.object));
  return { result: "recorded" };
}
