import "server-only";
import { orderAccessToken } from "@/lib/codes";
import { env } from "@/lib/env";

/**
 * The buyer's own page for an order, with its secret token: where the order API
 * sends them to pay, where payment providers return them, and what the
 * confirmation e-mail links to. `origin` defaults to the configured site URL.
 */
export function orderPageUrl(orderId: string, locale: string, origin: string = env.siteUrl): string {
  const token = orderAccessToken(orderId, env.authSecret).token;
  return `${origin}${locale === "en" ? "/en" : ""}/orders/${orderId}?token=${token}`;
}
