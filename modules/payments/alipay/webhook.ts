import "server-only";
import type { AlipaySdk } from "alipay-sdk";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http";
import { log } from "@/lib/log";
import { fenOf, fromAlipayTime } from "@/lib/payments/alipay/amounts";
import { createAlipaySdk } from "@/lib/payments/alipay/provider";
import type { AlipayConfig } from "@/lib/payments/alipay/settings";
import { markOrderPaid } from "@/modules/orders/mark-order-paid";
import { applyOnce } from "../record-event";
import { refundUnusablePayment } from "../refund-unusable-payment";
import { applyRefundedTotal } from "../refunded-total";

export const MAX_NOTIFICATION_BYTES = 64 * 1024;

const answer = (text: "success" | "failure", status = 200) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

let sdk: AlipaySdk | null = null;

/**
 * What an Alipay notification says, once its RSA2 signature holds: a payment (checked
 * against our order: app, our out_trade_no, the amount in yuan turned into fen without
 * floats, and the trade status), or a refund's running total. Returns false when it
 * must come again.
 */
async function apply(params: Record<string, string>, config: AlipayConfig): Promise<boolean> {
  if (params.app_id !== config.appId) {
    log().warn({ appId: params.app_id }, "Alipay notification for another app refused");
    return false;
  }
  const outTradeNo = params.out_trade_no ?? "";
  const trade = await db.providerTrade.findUnique({ where: { outTradeNo } });
  if (trade?.provider !== "ALIPAY") {
    log().warn({ outTradeNo }, "Alipay notification for no order of ours");
    return true;
  }
  const status = params.trade_status ?? "";
  const refunded = fenOf(params.refund_fee);
  if (refunded !== null && refunded > 0) {
    // Money went back (ours, echoed, or made in Alipay's merchant portal): the total only rises.
    const payment = await db.payment.findUnique({
      where: { providerRef: outTradeNo },
      include: { order: { select: { totalCents: true, currency: true } } },
    });
    if (!payment) return false;
    await applyOnce(
      { id: `alipay:${params.notify_id}`, type: `refund:${status}` },
      payment.orderId,
      (tx) => applyRefundedTotal(tx, payment, refunded),
      "ALIPAY",
    );
    return true;
  }
  if (status !== "TRADE_SUCCESS" && status !== "TRADE_FINISHED") return true;
  const amount = fenOf(params.total_amount);
  if (amount === null || !params.trade_no) return false;
  const outcome = await markOrderPaid({
    orderId: trade.orderId,
    provider: "ALIPAY",
    providerRef: outTradeNo,
    transactionId: params.trade_no,
    paidAt: params.gmt_payment ? fromAlipayTime(params.gmt_payment) : null,
    amountCents: amount,
    currency: "CNY",
    eventId: `alipay:${params.notify_id}`,
  });
  if (outcome.result !== "not_found") await refundUnusablePayment(outTradeNo);
  return true;
}

/**
 * POST /api/webhooks/alipay: Alipay's asynchronous notification (form-encoded). The
 * RSA2 signature over the sorted parameters, with Alipay's public key, first; then the
 * app id, our out_trade_no, total_amount and trade_status. The answer is the text
 * `success` only once it is recorded; anything else and Alipay sends it again.
 */
export async function handleAlipayNotification(
  request: Request,
  config: AlipayConfig | null = env.alipay,
): Promise<Response> {
  if (!config) return answer("failure", 404);
  const body = await readRawBody(request, MAX_NOTIFICATION_BYTES);
  if (!body.ok) return answer("failure", body.error === "too_large" ? 413 : 400);
  const params = Object.fromEntries(new URLSearchParams(body.bytes.toString("utf8")));
  sdk ??= createAlipaySdk(config);
  let verified = false;
  try {
    verified = Boolean(params.sign) && sdk.checkNotifySignV2(params);
  } catch {
    verified = false;
  }
  if (!verified) {
    log().warn({ outTradeNo: params.out_trade_no }, "Alipay notification refused: bad signature");
    return answer("failure", 400);
  }
  log().info(
    { notifyId: params.notify_id, outTradeNo: params.out_trade_no, status: params.trade_status },
    "Alipay notification received",
  );
  try {
    return (await apply(params, config)) ? answer("success") : answer("failure", 400);
  } catch (error) {
    log().error({ notifyId: params.notify_id, err: error }, "Alipay notification failed; it will come again");
    return answer("failure", 500);
  }
}
