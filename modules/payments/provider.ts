import "server-only";
import { env } from "@/lib/env";
import type { PaymentOutcome } from "@/modules/orders/mark-paid";
import { demoProvider } from "./demo";

// How money moves, whichever provider handles it. An order is only ever marked
// paid by `markOrderPaid` (modules/orders/mark-paid.ts), which each provider's
// confirmation (the Stripe webhook, the demo page) calls.

export type CheckoutOrder = {
  id: string;
  code: string;
  totalCents: number;
  currency: string;
  customerEmail: string;
  locale: string;
  expiresAt: Date;
  items: { name: string; quantity: number; unitPriceCents: number }[];
};

export type CheckoutStart =
  /** Send the buyer to the provider's hosted page. */
  | { kind: "redirect"; url: string }
  /** The demo provider: the buyer pays on the order page itself. */
  | { kind: "inline" };

export type RefundRequest = {
  payment: { id: string; provider: "STRIPE" | "DEMO"; providerRef: string | null; paymentIntentId: string | null };
  amountCents: number;
  /** Stable per refund, so a retried request never refunds twice. */
  idempotencyKey: string;
  reason: string;
};

export interface PaymentProvider {
  readonly name: "STRIPE" | "DEMO";
  /** Starts paying for a pending order; safe to call again for the same order. */
  startCheckout(order: CheckoutOrder, urls: { successUrl: string; cancelUrl: string }): Promise<CheckoutStart>;
  /** Gives money back; returns the provider's refund id. */
  refund(request: RefundRequest): Promise<{ providerRef: string }>;
  /**
   * Only the demo provider has it: the buyer "pays" on the order page itself.
   * A real provider confirms payments by its own signed messages, never by a
   * request from the buyer's browser, so it leaves this out.
   */
  payInline?(order: { id: string; totalCents: number; currency: string }): Promise<PaymentOutcome>;
}

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
