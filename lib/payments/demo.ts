import "server-only";
import type { PaymentProvider } from "./types";

/**
 * The demo payment provider (used when no Stripe key is set): no money moves. The
 * buyer "pays" on the order page itself (modules/payments/pay-demo.ts drives the same
 * transition a Stripe webhook does); refunds are only recorded.
 */
export const demoProvider: PaymentProvider = {
  name: "DEMO",
  paysInline: true,
  async startCheckout() {
    return { kind: "inline" };
  },
  async refund(request) {
    return { providerRef: `demo_re_${request.idempotencyKey}` };
  },
};
