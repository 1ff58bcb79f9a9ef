import "server-only";
import { env } from "@/lib/env";
import { demoPayments } from "@/lib/payments/provider";
import type { Channel, ProviderName } from "@/lib/payments/types";

// Which ways of paying a visitor sees on a pending order, picked for where they are:
// inside WeChat the payment sheet (JSAPI) first, and Alipay's pages are blocked there;
// in another phone browser WeChat Pay's H5 page and Alipay's phone cashier; on a
// computer a WeChat Pay QR code and Alipay's web cashier; cards through Stripe where
// configured; the demo payment only when nothing is.

export type PayMethod = "wechatpay" | "alipay" | "card";

export type MethodOffer = {
  method: PayMethod;
  provider: ProviderName;
  channel: Channel;
  /** Offered but not usable here (Alipay inside WeChat): the page says why and what to do. */
  blocked?: "in_wechat";
  /** JSAPI needs the visitor's openid first (a silent redirect through WeChat). */
  needsOpenid?: boolean;
};

export type BrowserContext = { inWechat: boolean; mobile: boolean };

export function browserContext(userAgent: string | null): BrowserContext {
  const ua = userAgent ?? "";
  const inWechat = /MicroMessenger/i.test(ua);
  return { inWechat, mobile: inWechat || /Mobi|Android|iPhone|iPad|HarmonyOS/i.test(ua) };
}

/** The methods to show, the one that fits the browser first; empty when payments are the demo. */
export function methodOffers(context: BrowserContext, openid: string | null): MethodOffer[] {
  if (demoPayments()) return [];
  const offers: MethodOffer[] = [];
  const wechat = env.wechatpay;
  if (wechat) {
    if (context.inWechat) {
      // Inside WeChat only the sheet works; without the account's AppSecret there is no openid, so no sheet.
      if (wechat.appSecret)
        offers.push({ method: "wechatpay", provider: "WECHATPAY", channel: "jsapi", needsOpenid: !openid });
    } else {
      offers.push({ method: "wechatpay", provider: "WECHATPAY", channel: context.mobile ? "h5" : "native" });
    }
  }
  if (env.alipay) {
    offers.push({
      method: "alipay",
      provider: "ALIPAY",
      channel: context.mobile ? "wap" : "page",
      ...(context.inWechat ? { blocked: "in_wechat" as const } : {}),
    });
  }
  if (env.payments.provider === "stripe") offers.push({ method: "card", provider: "STRIPE", channel: "checkout" });
  return offers;
}
