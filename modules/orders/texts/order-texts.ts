import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { log } from "@/lib/log";
import { orderShortPath } from "@/lib/order-links";
import { normaliseChineseMobile } from "@/lib/phone";
import { sendTextMessage } from "@/lib/sms/send";
import {
  composeFarmerOrderText,
  composeRefundText,
  composeTicketsText,
  type FarmerTextLine,
} from "./compose-order-texts";

// The texts about an order, sent after the commit that changed it. Each is awaited (the
// outbox row exists when the action returns) and caught: a text that cannot be written
// or sent never fails the payment or refund behind it. Organisers get no texts.

const localeOf = (value: string): Locale => (isLocale(value) ? value : defaultLocale);

/** Runs a text's work, logging instead of throwing. */
async function quietly(what: string, about: Record<string, unknown>, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log().error({ ...about, err: error }, `${what} text failed`);
  }
}

/** The buyer's e-tickets: count, codes and the short link, when the order has tickets and a mobile number. */
async function sendTicketsText(orderId: string, now: Date): Promise<void> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      code: true,
      status: true,
      locale: true,
      customerPhone: true,
      tickets: { where: { status: "VALID" }, orderBy: [{ createdAt: "asc" }, { code: "asc" }], select: { code: true } },
    },
  });
  const to = order ? normaliseChineseMobile(order.customerPhone) : null;
  if (!order || !to || order.status !== "PAID" || order.tickets.length === 0) return;
  const locale = localeOf(order.locale);
  const text = composeTicketsText(
    { code: order.code, ticketCodes: order.tickets.map((t) => t.code), link: orderShortPath(order) },
    { locale, siteUrl: env.siteUrl },
  );
  await sendTextMessage({ to, kind: "tickets", ...text, locale, now });
}

/** Each farmer with produce in the order: one text with their lines, to their profile's (or account's) number. */
async function sendFarmerOrderTexts(orderId: string, now: Date): Promise<void> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      code: true,
      items: {
        where: { kind: "PRODUCT", farmerId: { not: null } },
        orderBy: { createdAt: "asc" },
        select: {
          nameZh: true,
          nameEn: true,
          quantity: true,
          product: { select: { unit: true } },
          farmer: {
            select: { id: true, phone: true, user: { select: { locale: true, verifiedPhone: true, phone: true } } },
          },
        },
      },
    },
  });
  const byFarmer = new Map<string, { to: string | null; locale: Locale; lines: FarmerTextLine[] }>();
  for (const item of order?.items ?? []) {
    const farmer = item.farmer;
    if (!farmer) continue;
    const entry = byFarmer.get(farmer.id) ?? {
      to:
        [farmer.phone, farmer.user.verifiedPhone, farmer.user.phone]
          .map((phone) => (phone ? normaliseChineseMobile(phone) : null))
          .find(Boolean) ?? null,
      locale: localeOf(farmer.user.locale),
      lines: [],
    };
    entry.lines.push({
      name: { zh: item.nameZh, en: item.nameEn },
      quantity: item.quantity,
      unit: item.product?.unit ?? null,
    });
    byFarmer.set(farmer.id, entry);
  }
  for (const [farmerId, farmer] of byFarmer) {
    const to = farmer.to;
    if (!order || !to) continue;
    await quietly("farmer order", { orderId, farmerId }, async () => {
      const text = composeFarmerOrderText({ code: order.code, lines: farmer.lines }, { locale: farmer.locale });
      await sendTextMessage({ to, kind: "farmerOrder", ...text, locale: farmer.locale, now });
    });
  }
}

/** After an order became paid: the buyer's e-tickets, and each farmer's new lines. */
export async function sendPaidOrderTexts(orderId: string, now = new Date()): Promise<void> {
  await quietly("tickets", { orderId }, () => sendTicketsText(orderId, now));
  await quietly("farmer order", { orderId }, () => sendFarmerOrderTexts(orderId, now));
}

/** After money was paid back for an order (tickets cancelled, a product line refunded): how much. */
export async function sendRefundText(orderId: string, amountCents: number, now = new Date()): Promise<void> {
  if (amountCents <= 0) return;
  await quietly("refund", { orderId }, async () => {
    const order = await db.order.findUnique({
      where: { id: orderId },
      select: { code: true, locale: true, currency: true, customerPhone: true },
    });
    const to = order ? normaliseChineseMobile(order.customerPhone) : null;
    if (!order || !to) return;
    const locale = localeOf(order.locale);
    const text = composeRefundText({ orderCode: order.code, amountCents, currency: order.currency }, { locale });
    await sendTextMessage({ to, kind: "refund", ...text, locale, now });
  });
}
