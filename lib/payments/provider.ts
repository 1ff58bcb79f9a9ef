import "server-only";
import { env } from "@/lib/env";
import { demoProvider } from "./demo";
import type { PaymentProvider, ProviderName } from "./types";

// How money moves, whichever provider handles it: the configured ones, chosen once,
// here, from the settings (WeChat Pay and Alipay for a mainland merchant, Stripe for an
// overseas one; the clearly labelled demo provider only when none is). An order is only
// ever marked paid by `markOrderPaid` (modules/orders/mark-order-paid.ts), which each
// provider's confirmation (a signed notification, an authenticated query, the demo page) calls.

const made = new Map<ProviderName, PaymentProvider>();

/** Where WeChat Pay (and Alipay) send their notifications: the site's public address. */
export const notifyUrl = (provider: "wechatpay" | "alipay") => `${env.siteUrl}/api/webhooks/${provider}`;

async function make(name: ProviderName): Promise<PaymentProvider | null> {
  const cached = made.get(name);
  if (cached) return cached;
  let provider: PaymentProvider | null = null;
  if (name === "WECHATPAY" && env.wechatpay) {
    const { createWechatPayProvider } = await import("./wechatpay/provider");
    provider = createWechatPayProvider(env.wechatpay, { notifyUrl: notifyUrl("wechatpay") });
  } else if (name === "ALIPAY" && env.alipay) {
    const { createAlipayProvider } = await import("./alipay/provider");
    provider = createAlipayProvider(env.alipay, { notifyUrl: notifyUrl("alipay") });
  } else if (name === "STRIPE" && env.payments.provider === "stripe") {
    const { createStripeProvider } = await import("./stripe/provider");
    provider = createStripeProvider(env.payments);
  } else if (name === "DEMO" && configuredNames().length === 0) {
    provider = demoProvider;
  }
  if (provider) made.set(name, provider);
  return provider;
}

/** The real providers whose settings are present, in the order the checkout offers them. */
export function configuredNames(): ProviderName[] {
  const names: ProviderName[] = [];
  if (env.wechatpay) names.push("WECHATPAY");
  if (env.alipay) names.push("ALIPAY");
  if (env.payments.provider === "stripe") names.push("STRIPE");
  return names;
}

/** The configured providers; the demo provider alone when none is. */
export async function paymentProviders(): Promise<PaymentProvider[]> {
  const names = configuredNames();
  const list = await Promise.all((names.length > 0 ? names : (["DEMO"] as const)).map(make));
  return list.filter((p): p is PaymentProvider => p !== null);
}

/** The provider that took a payment (for its refunds, queries, closing): null when it is no longer configured. */
export async function providerNamed(name: ProviderName): Promise<PaymentProvider | null> {
  return make(name);
}

/** Whether visitors pay on the order page itself (no provider configured: demo payments). */
export function demoPayments(): boolean {
  return configuredNames().length === 0;
}

/** The first configured provider (the demo one when none is): for code that knows only one. */
export async function paymentProvider(): Promise<PaymentProvider> {
  const [first] = await paymentProviders();
  return first ?? demoProvider;
}
