import "server-only";
import { timingSafeEqual } from "node:crypto";
import { normaliseCode, orderAccessToken, orderLinkKey } from "@/lib/codes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The buyer's own page for an order, with its secret token: where the order API
 * sends them to pay, where payment providers return them, and what the
 * confirmation e-mail links to. `origin` defaults to the configured site URL.
 */
export function orderPageUrl(orderId: string, locale: string, origin: string = env.siteUrl): string {
  return `${origin}${orderPagePath(orderId, locale)}`;
}

/**
 * The same page as a path on whatever address the visitor is on: a browser that checked
 * out at 127.0.0.1 stays there (its basket, remembered orders and offline copies belong
 * to that origin), whatever address the site is configured with.
 */
export function orderPagePath(orderId: string, locale: string): string {
  const token = orderAccessToken(orderId, env.authSecret).token;
  return `${locale === "en" ? "/en" : ""}/orders/${orderId}?token=${token}`;
}

/**
 * The order's short link as texts carry it, after the site's address: "o/SQ7K3M9PQ2/…"
 * (25 characters, within the 35 an SMS template variable holds). It opens the order's
 * page with its token, in the order's language (app/[locale]/(public)/o).
 */
export function orderShortPath(order: { id: string; code: string }): string {
  return `o/${order.code}/${orderLinkKey(order.id, env.authSecret)}`;
}

/** The full short link: the site's address and the short path. */
export function orderShortUrl(order: { id: string; code: string }, origin: string = env.siteUrl): string {
  return `${origin}/${orderShortPath(order)}`;
}

/** Where a short link leads: the order's page with its token, or null for a code and key that do not match. */
export async function resolveOrderShortLink(code: string, key: string): Promise<string | null> {
  const wanted = normaliseCode(code);
  if (!/^[0-9A-Z]{4,20}$/.test(wanted)) return null;
  const order = await db.order.findUnique({ where: { code: wanted }, select: { id: true, locale: true } });
  if (!order) return null;
  const [expected, given] = [Buffer.from(orderLinkKey(order.id, env.authSecret)), Buffer.from(normaliseCode(key))];
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return orderPageUrl(order.id, order.locale);
}
