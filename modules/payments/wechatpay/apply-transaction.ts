import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import type { Transaction } from "@/lib/payments/wechatpay/provider";
import type { WechatPayConfig } from "@/lib/payments/wechatpay/settings";
import { markOrderPaid } from "@/modules/orders/mark-order-paid";
import { refundUnusablePayment } from "../refund-unusable-payment";

export type WechatTransaction = Transaction;

export type TransactionOutcome =
  | { ok: true; result: string; refundedCents?: number }
  | { ok: false; status: number; message: string };

/**
 * A WeChat Pay transaction that says the money arrived (from a verified notification,
 * or from our own query): checked against our records (merchant, app, our
 * out_trade_no, the amount in fen and the currency, compared with the order by
 * markOrderPaid), then the order is paid once, or the money goes back when the order
 * cannot take it (expired and sold again, cancelled, wrong amount, paid twice).
 */
export async function applyTransaction(
  tx: WechatTransaction,
  config: Pick<WechatPayConfig, "mchid" | "appid">,
  eventId: string,
): Promise<TransactionOutcome> {
  if (tx.mchid !== config.mchid || tx.appid !== config.appid) {
    log().warn({ mchid: tx.mchid, appid: tx.appid }, "WeChat Pay transaction of another merchant or app refused");
    return { ok: false, status: 400, message: "not this merchant's transaction" };
  }
  if (tx.trade_state !== "SUCCESS") return { ok: true, result: "ignored" };
  const outTradeNo = tx.out_trade_no ?? "";
  const trade = await db.providerTrade.findUnique({ where: { outTradeNo } });
  if (trade?.provider !== "WECHATPAY") {
    log().warn({ outTradeNo }, "WeChat Pay transaction for no order of ours");
    return { ok: true, result: "unknown_order" };
  }
  const total = tx.amount?.total;
  if (typeof total !== "number" || !Number.isInteger(total) || total < 0 || !tx.transaction_id)
    return { ok: false, status: 400, message: "transaction without amount or id" };
  const outcome = await markOrderPaid({
    orderId: trade.orderId,
    provider: "WECHATPAY",
    providerRef: outTradeNo,
    transactionId: tx.transaction_id,
    paidAt: tx.success_time ? new Date(tx.success_time) : null,
    amountCents: total,
    currency: (tx.amount?.currency ?? "CNY").toUpperCase(),
    eventId,
  });
  if (outcome.result === "not_found") return { ok: true, result: "unknown_order" };
  // Also after a duplicate: a crash between recording the payment and refunding it is retried here.
  const refund = await refundUnusablePayment(outTradeNo);
  return refund
    ? { ok: true, result: "refunded", refundedCents: refund.refundedCents }
    : { ok: true, result: outcome.result };
}
