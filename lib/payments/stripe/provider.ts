import "server-only";
import type Stripe from "stripe";
import { log } from "@/lib/log";
import type { PaymentProvider } from "../types";
import { checkoutIdempotencyKey, checkoutSessionParams } from "./checkout-params";
import { createStripeClient, type StripeConfig } from "./client";

const STRIPE_REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;
type StripeRefundReason = (typeof STRIPE_REFUND_REASONS)[number];
const isStripeReason = (reason: string): reason is StripeRefundReason =>
  (STRIPE_REFUND_REASONS as readonly string[]).includes(reason);

/** Stripe Checkout: the buyer pays on Stripe's page; the webhook alone says it is paid. */
export function createStripeProvider(
  config: StripeConfig,
  client: Stripe = createStripeClient(config),
): PaymentProvider {
  return {
    name: "STRIPE",
    paysInline: false,

    async startCheckout(order, context) {
      const urls = { successUrl: context.returnUrl, cancelUrl: context.cancelUrl };
      // One key per order: a second click (or a retry) gets the same session back.
      const session = await client.checkout.sessions.create(
        checkoutSessionParams(order, urls, config.methods, new Date()),
        { idempotencyKey: checkoutIdempotencyKey(order.id) },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      log().info({ orderId: order.id, checkoutSessionId: session.id }, "checkout started");
      return { kind: "redirect", url: session.url };
    },

    async refund(request) {
      const paymentIntent = request.payment.paymentIntentId;
      if (!paymentIntent) throw new Error(`payment ${request.payment.id} has no Stripe payment intent to refund`);
      const refund = await client.refunds.create(
        {
          payment_intent: paymentIntent,
          amount: request.amountCents,
          // Stripe knows three reasons; ours (sold out, cancelled…) travel in the metadata.
          ...(isStripeReason(request.reason) ? { reason: request.reason } : {}),
          metadata: { paymentId: request.payment.id, reason: request.reason },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { providerRef: refund.id };
    },
  };
}
