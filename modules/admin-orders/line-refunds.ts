import "server-only";
import { db } from "@/lib/db";

/** An order's product lines with their refunds, for the admin's refund panel (admins see every farmer's). */
export function orderProductLines(orderId: string) {
  return db.orderItem.findMany({
    where: { orderId, kind: "PRODUCT" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      quantity: true,
      unitPriceCents: true,
      totalCents: true,
      deliveryFeeCents: true,
      refundedQuantity: true,
      refundedCents: true,
      currency: true,
      fulfilmentStatus: true,
      farmer: { select: { displayName: true } },
      product: { select: { unit: true } },
      refunds: {
        orderBy: { createdAt: "asc" },
        select: { id: true, quantity: true, amountCents: true, reason: true, note: true, providerRef: true },
      },
    },
  });
}
