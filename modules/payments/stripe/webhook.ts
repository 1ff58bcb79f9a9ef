import "server-only";
import Stripe from "stripe";
import { ApiError, type ApiErrorCode, apiErrorResponse } from "@/lib/api/errors";
import type { PaymentsConfig } from "@/lib/config";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http";
import { apiLocale } from "@/lib/i18n/api";
import { log } from "@/lib/log";
import { chargeRefunded } from "./events/charge-refunded";
import { checkoutSessionAsyncPaymentFailed } from "./events/checkout-session-async-payment-failed";
import { checkoutSessionAsyncPaymentSucceeded } from "./events/checkout-session-async-payment-succeeded";
import { checkoutSessionCompleted } from "./events/checkout-session-completed";
import { checkoutSessionExpired } from "./events/checkout-session-expired";
import type { WebhookOutcome } from "./events/outcome";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** The events we act on (README lists them for the dashboard); any other is acknowledged and ignored. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
] as const;

/** Our order behind an event, for the log: Checkout carries it on the session, and copies it onto the charge. */
function eventOrderId(event: Stripe.Event): string | null {
  const object = event.data?.object as
    | { client_reference_id?: unknown; metadata?: Record<string, unknown> | null }
    | undefined;
  const id = object?.client_reference_id ?? object?.metadata?.orderId;
  return typeof id === "string" ? id : null;
}

function dispatch(event: Stripe.Event): Promise<WebhookOutcome> {
  switch (event.type) {
    case "checkout.session.completed":
      return checkoutSessionCompleted(event);
    case "checkout.session.async_payment_succeeded":
      return checkoutSessionAsyncPaymentSucceeded(event);
    case "checkout.session.async_payment_failed":
      return checkoutSessionAsyncPaymentFailed(event);
    case "checkout.session.expired":
      return checkoutSessionExpired(event);
    case "charge.refunded":
      return chargeRefunded(event);
    default:
      return Promise.resolve({ result: "ignored" });
  }
}

/**
 * POST /api/webhooks/stripe: checks Stripe's signature over the exact bytes, then
 * hands the event to its handler. 200 for every verified event (handled, replayed
 * or ignored), 409 when it arrived before what it depends on (Stripe delivers it
 * again), 400 and nothing written for a bad signature; a database failure
 * surfaces as 500, so Stripe retries.
 */
export async function handleStripeWebhook(
  request: Request,
  payments: PaymentsConfig = env.payments,
): Promise<Response> {
  const locale = apiLocale(request);
  const fail = (code: ApiErrorCode, key: string) =>
    apiErrorResponse(new ApiError(code, `payments.webhook.${key}`), locale);
  if (payments.provider !== "stripe") return fail("not_found", "notConfigured");
  const body = await readRawBody(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) {
    return body.error === "too_large"
      ? fail("payload_too_large", "tooLarge")
      : fail("invalid_request", "invalidSignature");
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return fail("invalid_signature", "invalidSignature");
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(body.bytes, signature, payments.webhookSecret);
  } catch {
    log().warn("webhook refused: bad signature");
    return fail("invalid_signature", "invalidSignature");
  }
  const about = { eventId: event.id, type: event.type, orderId: eventOrderId(event) };
  log().info(about, "webhook received");
  const outcome = await dispatch(event);
  const message =
    outcome.result === "ignored"
      ? "webhook ignored"
      : outcome.result === "duplicate"
        ? "webhook duplicate"
        : outcome.retry
          ? "webhook deferred"
          : "webhook handled";
  log().info({ ...about, ...outcome }, message);
  return Response.json({ received: true, ...outcome }, { status: outcome.retry ? 409 : 200 });
}
