import "server-only";
import { env } from "@/lib/env";
import { demoProvider } from "./demo";
import type { PaymentProvider } from "./types";

// How money moves, whichever provider handles it: chosen once, here, from the
// settings. An order is only ever marked paid by `markOrderPaid`
// (modules/orders/mark-order-paid.ts), which each provider's confirmation (the Stripe
// webhook in modules/payments, the demo page) calls.

let stripe: PaymentProvider | null = null;

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the clearly labelled demo provider. */
export async function paymentProvider(): Promise<PaymentProvider> {
  if (env.payments.provider === "demo") return demoProvider;
  if (!stripe) {
    const { createStripeProvider } = await import("./stripe/provider");
    stripe = createStripeProvider(env.payments);
  }
  return stripe;
}
