import "server-only";
import { randomUUID } from "node:crypto";
import { markOrderPaid, type PaymentOutcome } from "@/modules/orders/mark-paid";
import type { PaymentProvider } from "./provider";

/**
 * The demo payment provider (used when no Stripe key is set): paying drives the
 * same transition a Stripe webhook does, with an event id of its own.
 */
export function payDemo(order: { id: string; totalCents: number; currency: string }): Promise<PaymentOutcome> {
  return markOrderPaid({
    orderId: order.id,
    provider: "DEMO",
    providerRef: `demo_${order.id}`,
    amountCents: order.totalCents,
    currency: order.currency,
    eventId: `demo_evt_${randomUUID()}`,
  });
}

/** No money moves: checkout happens on the order page, refunds are only recorded. */
export const demoProvider: PaymentProvider = {
  name: "DEMO",
  async startCheckout() {
    return { kind: "inline" };
  },
  async refund(request) {
    return { providerRef: `demo_re_${request.idempotencyKey}` };
  },
  payInline: payDemo,
};
