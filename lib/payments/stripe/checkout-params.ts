import type Stripe from "stripe";
import type { PaymentMethod } from "@/lib/config";
import type { CheckoutOrder } from "../types";

// The Checkout Session an order asks Stripe for. Pure, so the rules are unit-tested;
// derived from the order alone, so asking twice sends the same parameters and
// Stripe replays the first session under the order's idempotency key.

const MINUTE = 60;
/** Stripe keeps a session open at least 30 minutes; a minute more absorbs clock skew. */
const SHORTEST = 31 * MINUTE;
const LONGEST = 24 * 60 * MINUTE - MINUTE;

/**
 * When Stripe closes the session, in epoch seconds: 31 minutes after the order's
 * hold ends (never shorter than the hold; a payment after the hold is handled by
 * markOrderPaid), within the 30 min – 24 h Stripe accepts from `now`.
 */
export function checkoutExpiresAt(orderExpiresAt: Date, now: Date): number {
  const wanted = Math.floor(orderExpiresAt.getTime() / 1000) + SHORTEST;
  const nowSeconds = Math.ceil(now.getTime() / 1000);
  return Math.min(Math.max(wanted, nowSeconds + SHORTEST), nowSeconds + LONGEST);
}

/** Stripe Checkout's language: Chinese or English, as the order was placed. */
export function stripeLocale(locale: string): "zh" | "en" {
  return locale === "en" ? "en" : "zh";
}

export const checkoutIdempotencyKey = (orderId: string) => `checkout-${orderId}`;

export function checkoutSessionParams(
  order: CheckoutOrder,
  urls: { successUrl: string; cancelUrl: string },
  methods: readonly PaymentMethod[],
  now: Date,
): Stripe.Checkout.SessionCreateParams {
  const currency = order.currency.toLowerCase();
  const itemsTotal = order.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
  if (itemsTotal !== order.totalCents)
    throw new Error(`order ${order.id}: items add up to ${itemsTotal}, not ${order.totalCents}`);
  return {
    mode: "payment",
    line_items: order.items.map((item) => ({
      quantity: item.quantity,
      price_data: { currency, unit_amount: item.unitPriceCents, product_data: { name: item.name } },
    })),
    client_reference_id: order.id,
    metadata: { orderId: order.id, orderCode: order.code },
    payment_intent_data: { metadata: { orderId: order.id, orderCode: order.code } },
    customer_email: order.customerEmail,
    locale: stripeLocale(order.locale),
    // SDK 23 (API 2026-09-30) replaced payment_method_types with this filter.
    allowed_payment_method_types: [...methods],
    ...(methods.includes("wechat_pay") ? { payment_method_options: { wechat_pay: { client: "web" as const } } } : {}),
    expires_at: checkoutExpiresAt(order.expiresAt, now),
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
  };
}
