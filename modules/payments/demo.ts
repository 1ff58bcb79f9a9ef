import "server-only";
import { randomUUID } from "node:crypto";
import { markOrderPaid, type PaymentOutcome } from "@/modules/orders/mark-paid";

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
