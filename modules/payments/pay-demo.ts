import "server-only";
import { randomUUID } from "node:crypto";
import { markOrderPaid, type PaymentOutcome } from "@/modules/orders/mark-order-paid";

/**
 * Paying with the demo provider drives the same transition a Stripe webhook does,
 * with an event id of its own. Only ever called where `paymentProvider()` pays inline.
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
