import "server-only";
import Stripe from "stripe";
import type { PaymentsConfig } from "@/lib/config";

export type StripeConfig = Extract<PaymentsConfig, { provider: "stripe" }>;

/**
 * Where the SDK sends its requests: Stripe itself, or (STRIPE_API_URL) a local
 * Stripe-compatible server in tests. The SDK takes host, port and protocol
 * separately, not a URL.
 */
export function stripeConnection(apiUrl: string | undefined): {
  host?: string;
  port?: number;
  protocol?: "http" | "https";
} {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`STRIPE_API_URL must be http(s): ${apiUrl}`);
  if (url.pathname.replace(/\/+$/, "") !== "") throw new Error(`STRIPE_API_URL must not have a path: ${apiUrl}`);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
}

export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, { ...stripeConnection(config.apiUrl), maxNetworkRetries: 2, timeout: 20_000 });
}
