import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { pick } from "@/lib/localized";
import { orderPageUrl } from "@/lib/order-links";
import { paymentProvider } from "@/lib/payments/provider";
import type { Channel, CheckoutOrder, CheckoutStart, PaymentProvider } from "@/lib/payments/types";

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

/** One letter per way of paying: a WeChat Pay order is opened for one trade type only. */
const CHANNEL_MARK: Record<Channel, string> = {
  native: "N",
  h5: "H",
  jsapi: "J",
  wap: "W",
  page: "P",
  checkout: "C",
};

/**
 * Our order number at WeChat Pay or Alipay for this order and way of paying: the
 * order's code and a letter ("SQ7K3M9XQ2-N"), recorded once so the return page, the
 * expiry and the reconciliation find it. The same order paid the same way reuses it
 * (the provider answers with the same QR code or page, never a second order).
 */
async function providerTrade(order: CheckoutOrder, provider: "WECHATPAY" | "ALIPAY", channel: Channel) {
  const outTradeNo = `${order.code}-${provider === "ALIPAY" ? "A" : ""}${CHANNEL_MARK[channel]}`;
  const found = await db.providerTrade.findUnique({ where: { outTradeNo } });
  if (found) return found;
  try {
    return await db.providerTrade.create({
      data: { orderId: order.id, provider, outTradeNo, channel, amountCents: order.totalCents },
    });
  } catch (error) {
    // The same click arriving twice at once: the other request made it.
    if (isUniqueViolation(error)) return db.providerTrade.findUniqueOrThrow({ where: { outTradeNo } });
    throw error;
  }
}

export type CheckoutChoice = { channel: Channel; openid?: string; clientIp?: string };

/**
 * Starts paying for a pending order. The buyer comes back to their order page
 * either way: it only reads (and asks the provider), and shows "being confirmed"
 * until the provider's notification says paid. URLs and names follow the language
 * the order was placed in, so a second start sends the same request and gets the
 * same session, QR code or page back.
 */
export async function startOrderCheckout(
  orderId: string,
  provider?: PaymentProvider,
  choice: CheckoutChoice = { channel: "checkout" },
): Promise<CheckoutStart | null> {
  const order = await checkoutOrder(orderId);
  if (!order) return null;
  const by = provider ?? (await paymentProvider());
  const page = orderPageUrl(order.id, order.locale);
  let outTradeNo: string | undefined;
  if (by.name === "WECHATPAY" || by.name === "ALIPAY") {
    const trade = await providerTrade(order, by.name, choice.channel);
    if (trade.closedAt) return null;
    outTradeNo = trade.outTradeNo;
  }
  return by.startCheckout(order, {
    returnUrl: `${page}&checkout=success`,
    cancelUrl: `${page}&checkout=cancelled`,
    channel: choice.channel,
    outTradeNo,
    openid: choice.openid,
    clientIp: choice.clientIp,
  });
}
