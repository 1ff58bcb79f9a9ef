"use server";
import ipaddr from "ipaddr.js";
import { cookies, headers } from "next/headers";
import QRCode from "qrcode";
import { z } from "zod";
import { log } from "@/lib/log";
import { demoPayments, paymentProvider, providerNamed } from "@/lib/payments/provider";
import type { JsapiParams } from "@/lib/payments/types";
import { UserError } from "@/lib/user-error";
import { defineAction } from "@/modules/auth/guards";
import { findOrderForCaller } from "@/modules/orders/queries";
import { browserContext, methodOffers } from "./methods";
import { payDemo } from "./pay-demo";
import { startOrderCheckout } from "./start-checkout";
import { OPENID_COOKIE, openidFromCookie } from "./wechatpay/oauth";

const input = z.object({
  orderId: z.string().min(1).max(64),
  token: z.string().max(200).default(""),
  decision: z.enum(["pay", "decline"]),
});

// Public (guests pay too), but only for whoever holds the order's token or owns it,
// and only while demo payments are the configured provider: with Stripe on, an order
// is paid by Stripe's signed webhook alone, whatever a browser posts here.
export const demoPaymentAction = defineAction({ input, permission: "public" }, async (data, { user }) => {
  if (!demoPayments()) throw new UserError("payments.demoUnavailable");
  const order = await findOrderForCaller(data.orderId, data.token || null, user?.id ?? null);
  if (!order) throw new UserError("errors.notFound");
  if (data.decision === "decline") return { result: "declined" as const };
  const outcome = await payDemo(order);
  if (outcome.result === "refund_needed" || outcome.result === "not_found") throw new UserError("order.paymentFailed");
  return { result: "paid" as const };
});

/** The visitor's own address, as WeChat Pay's H5 wants it (it checks the page is opened from there). */
function clientIp(request: Headers): string | undefined {
  const nearest = (request.get("x-forwarded-for") ?? "").split(",").at(-1)?.trim() ?? "";
  return ipaddr.isValid(nearest) ? ipaddr.process(nearest).toString() : undefined;
}

const checkoutInput = z.object({
  orderId: z.string().min(1).max(64),
  token: z.string().max(200).default(""),
  method: z.enum(["wechatpay", "alipay", "card"]).default("card"),
});

type Started =
  | { kind: "redirect"; url: string }
  | { kind: "qr"; codeUrl: string; svg: string }
  | { kind: "jsapi"; params: JsapiParams };

/**
 * Public like the demo payment, for the token holder or owner: opens the order with the
 * chosen provider in the way that fits this browser (read from its User-Agent, never
 * from the form) and answers with where to go, the QR code to show, or the parameters
 * of WeChat's payment sheet. Inside WeChat the openid comes from our signed cookie
 * only; without one the browser is sent through WeChat's silent OAuth first.
 */
export const startCheckoutAction = defineAction(
  { input: checkoutInput, permission: "public" },
  async (data, { user }): Promise<Started> => {
    const order = await findOrderForCaller(data.orderId, data.token || null, user?.id ?? null);
    if (!order) throw new UserError("errors.notFound");
    if (order.status !== "pending") throw new UserError("payments.notPayable");
    const request = await headers();
    const openid = openidFromCookie((await cookies()).get(OPENID_COOKIE)?.value);
    const offers = methodOffers(browserContext(request.get("user-agent")), openid);
    const offer = offers.find((o) => o.method === data.method);
    if (!offer && offers.length > 0) throw new UserError("payments.methodUnavailable");
    if (offer?.blocked) throw new UserError("payments.alipayInWechatError");
    const provider = offer ? await providerNamed(offer.provider) : await paymentProvider();
    if (!provider) throw new UserError("payments.methodUnavailable");
    let start: Awaited<ReturnType<typeof startOrderCheckout>>;
    try {
      start = await startOrderCheckout(order.id, provider, {
        channel: offer?.channel ?? "checkout",
        openid: openid ?? undefined,
        clientIp: clientIp(request),
      });
    } catch (error) {
      // The provider unreachable or refusing: the buyer may try again; the details go to the log.
      log().error({ orderId: order.id, method: data.method, err: error }, "checkout could not start");
      throw new UserError("payments.unavailable");
    }
    if (!start) throw new UserError("payments.notPayable");
    if (start.kind === "qr") {
      const svg = await QRCode.toString(start.codeUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return { kind: "qr", codeUrl: start.codeUrl, svg };
    }
    if (start.kind === "inline") throw new UserError("payments.unavailable");
    return start;
  },
);
