import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readRawBody } from "@/lib/http";
import { log } from "@/lib/log";
import { checkNotification } from "@/lib/payments/wechatpay/notification";
import type { WechatPayConfig } from "@/lib/payments/wechatpay/settings";
import { applyOnce } from "../record-event";
import { recordRefund } from "../record-refund";
import { applyRefundedTotal } from "../refunded-total";
import { applyTransaction, type WechatTransaction } from "./apply-transaction";

export const MAX_NOTIFICATION_BYTES = 64 * 1024;

/** WeChat Pay's answer on failure: a JSON code and message with a 4xx/5xx, so it delivers again. */
const fail = (status: number, message: string) =>
  Response.json({ code: "FAIL", message }, { status, headers: { "Cache-Control": "no-store" } });
/** Success: 2xx with no body. */
const ok = () => new Response(null, { status: 204 });

type WechatRefund = {
  mchid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  out_refund_no?: string;
  refund_id?: string;
  refund_status?: string;
  amount?: { total?: number; refund?: number };
};

/**
 * A refund notification: ours (the out_refund_no we chose names it) settles; one made in
 * WeChat Pay's merchant platform is recorded as a refund of its own and counts toward
 * the payment's refunded total. Applied once per notification id.
 */
async function applyRefund(id: string, refund: WechatRefund, config: WechatPayConfig): Promise<Response> {
  if (refund.mchid !== config.mchid || !refund.out_trade_no || !refund.refund_id)
    return fail(400, "refund of another merchant");
  const payment = await db.payment.findUnique({
    where: { providerRef: refund.out_trade_no },
    include: { order: { select: { totalCents: true, currency: true } } },
  });
  if (payment?.provider !== "WECHATPAY") {
    // Ours, but the payment is not recorded yet (notifications can overtake each other):
    // WeChat Pay is asked to deliver it again later.
    const ours = await db.providerTrade.findUnique({ where: { outTradeNo: refund.out_trade_no } });
    if (ours?.provider === "WECHATPAY") return fail(409, "payment not recorded yet");
    log().warn({ outTradeNo: refund.out_trade_no }, "WeChat Pay refund for no payment of ours");
    return ok();
  }
  if (refund.refund_status !== "SUCCESS") {
    log().error(
      { orderId: payment.orderId, refundId: refund.refund_id, status: refund.refund_status },
      "WeChat Pay refund did not reach the buyer",
    );
    return ok();
  }
  const refundId = refund.refund_id;
  const ours = await db.refund.findFirst({
    where: { OR: [{ providerRef: refundId }, { id: (refund.out_refund_no ?? "").replace(/^refund-/, "") }] },
  });
  if (ours) {
    await db.refund.updateMany({
      where: { id: ours.id, settledAt: null },
      data: { settledAt: new Date(), providerRef: ours.providerRef ?? refundId },
    });
    log().info({ orderId: payment.orderId, refundId: ours.id }, "refund settled by WeChat Pay");
    return ok();
  }
  // An automatic refund is recorded under WeChat Pay's refund id, settled now.
  const auto = await db.refund.updateMany({
    where: { providerRef: refundId, settledAt: null },
    data: { settledAt: new Date() },
  });
  if (auto.count > 0) return ok();
  // Made outside this site (the merchant platform): recorded once, then counted.
  const amount = refund.amount?.refund ?? 0;
  await recordRefund({ paymentId: payment.id, amountCents: amount, providerRef: refundId, reason: "provider" });
  // Then the order follows the payment's refunded total, once per notification (also when a
  // first delivery recorded the refund and stopped before this).
  const total = await db.refund.aggregate({ where: { paymentId: payment.id }, _sum: { amountCents: true } });
  await applyOnce(
    { id: `wechatpay:${id}`, type: "REFUND.SUCCESS" },
    payment.orderId,
    (tx) => applyRefundedTotal(tx, payment, total._sum.amountCents ?? 0),
    "WECHATPAY",
  );
  return ok();
}

/**
 * POST /api/webhooks/wechatpay: WeChat Pay's notifications. The signature over the
 * exact bytes, with WeChat Pay's key and a timestamp within 5 minutes, then the
 * resource decrypted with the APIv3 key; then what it says is checked against our
 * order (merchant, app, amount in fen, currency) before anything changes. Each event
 * counts once, in any order. 204 with no body when done; a JSON code and message with
 * 4xx/5xx otherwise, so WeChat Pay delivers it again.
 */
export async function handleWechatPayNotification(
  request: Request,
  config: WechatPayConfig | null = env.wechatpay,
): Promise<Response> {
  if (!config) return fail(404, "WeChat Pay is not configured");
  const body = await readRawBody(request, MAX_NOTIFICATION_BYTES);
  if (!body.ok) return fail(body.error === "too_large" ? 413 : 400, "unreadable body");
  const checked = checkNotification(request.headers, body.bytes.toString("utf8"), config);
  if (!checked.ok) {
    log().warn({ reason: checked.reason }, "WeChat Pay notification refused");
    return fail(401, `notification refused: ${checked.reason}`);
  }
  const { id, eventType, resource } = checked.notification;
  log().info({ notificationId: id, eventType }, "WeChat Pay notification received");
  try {
    if (eventType === "TRANSACTION.SUCCESS") {
      const outcome = await applyTransaction(resource as WechatTransaction, config, `wechatpay:${id}`);
      return outcome.ok ? ok() : fail(outcome.status, outcome.message);
    }
    if (eventType.startsWith("REFUND.")) return await applyRefund(id, resource as WechatRefund, config);
    return ok();
  } catch (error) {
    log().error({ notificationId: id, eventType, err: error }, "WeChat Pay notification failed; it will come again");
    return fail(500, "not recorded");
  }
}
