import "server-only";
import { db } from "@/lib/db";
import { pick } from "@/lib/localized";
import { orderPageUrl } from "@/lib/order-links";
import { paymentProvider } from "@/lib/payments/provider";
import type { CheckoutOrder, CheckoutStart, PaymentProvider } from "@/lib/payments/types";

/** A pending order, as a payment provider needs it; null once it can no longer be paid. */
export async function checkoutOrder(orderId: string, now = new Date()): Promise<CheckoutOrder | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: { items: { orderBy: { createdAt: "asc" } } },
  });
  if (order?.status !== "PENDING" || order.expiresAt <= now) return null;
  return {
    id: order.id,
    code: order.code,
    totalCents: order.totalCents,
    currency: order.currency,
    customerEmail: order.customerEmail,
    locale: order.locale,
    expiresAt: order.expiresAt,
    items: order.items.map((item) => ({
      name: pick({ zh: item.nameZh, en: item.nameEn }, order.locale),
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
    })),
  };
}

/**
 * Starts paying for a pending order. The buyer comes back to their order page
 * either way: it only reads, and shows "being confirmed" until the webhook says
 * paid. URLs and names follow the language the order was placed in, so a second
 * start sends Stripe the same request and gets the same session back.
 */
export async function startOrderCheckout(orderId: string, provider?: PaymentProvider): Promise<CheckoutStart | null> {
  const order = await checkoutOrder(orderId);
  if (!order) return null;
  const page = orderPageUrl(order.id, order.locale);
  return (provider ?? (await paymentProvider())).startCheckout(order, {
    successUrl: `${page}&checkout=success`,
    cancelUrl: `${page}&checkout=cancelled`,
  });
}
