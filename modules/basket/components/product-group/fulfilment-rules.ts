import { deliveryFees } from "@/modules/inventory/fulfilment";
import type { HeldSession } from "@/modules/inventory/queries";
import type { Basket, ProductLine, TicketLine } from "../../basket";

/** Gate pickup: at a session this basket holds a ticket for, or (signed in) one already paid for; each session once. */
export function pickupSessions(basket: Basket, held: HeldSession[]) {
  return [
    ...new Map(
      [
        ...basket.lines
          .filter((l): l is TicketLine => l.kind === "ticket")
          .map((l) => ({ id: l.sessionId, festival: l.festival.name, session: l.session })),
        ...held.map((h) => ({ id: h.id, festival: h.festival, session: h })),
      ].map((x) => [x.id, x]),
    ).values(),
  ];
}

/** The courier fee of a workshop's lines: one parcel per farmer (modules/shop/fulfilment.ts). */
export function courierFee(lines: ProductLine[]): number {
  return [
    ...deliveryFees(
      lines.map((l) => ({
        farmerId: l.product.farmerId,
        method: "delivery",
        deliveryFeeCents: l.product.fulfilment.deliveryFeeCents,
      })),
    ).values(),
  ].reduce((a, b) => a + b, 0);
}
