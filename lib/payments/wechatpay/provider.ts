import "server-only";
import { createHash } from "node:crypto";
import { Formatter, Rsa, type Wechatpay } from "wechatpay-axios-plugin";
import { log } from "@/lib/log";
import type { BillLine, PaymentProvider, ProviderTradeState } from "../types";
import { parseTradeBill } from "./bill";
import { createWechatPayClient } from "./client";
import type { WechatPayConfig } from "./settings";

/** RFC 3339 in Beijing time, as WeChat Pay writes and reads times: 2027-06-12T18:30:00+08:00. */
export function beijingTime(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

/** A transaction as WeChat Pay's query answer and payment notification carry it. */
export type Transaction = {
  appid?: string;
  mchid?: string;
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  success_time?: string;
  amount?: { total?: number; payer_total?: number; currency?: string };
};

/** The WeChat Pay error behind a failed call: its code (ORDER_NOT_EXIST, ORDERPAID…), or null. */
export function wechatErrorCode(error: unknown): string | null {
  const data = (error as { response?: { data?: unknown } })?.response?.data;
  const parsed = typeof data === "string" ? safeJson(data) : data;
  const code = (parsed as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What WeChat Pay says of a transaction, in our words; a transaction of another merchant or app counts as unknown. */
export function tradeState(tx: Transaction, config: Pick<WechatPayConfig, "mchid" | "appid">): ProviderTradeState {
  const ours = tx.mchid === config.mchid && tx.appid === config.appid;
  const state = !ours
    ? "unknown"
    : tx.trade_state === "SUCCESS" || tx.trade_state === "REFUND"
      ? "paid"
      : tx.trade_state === "CLOSED" || tx.trade_state === "REVOKED" || tx.trade_state === "PAYERROR"
        ? "closed"
        : "open";
  return {
    state,
    transactionId: tx.transaction_id ?? null,
    amountCents: typeof tx.amount?.total === "number" ? tx.amount.total : null,
    currency: tx.amount?.currency ?? null,
    paidAt: tx.success_time ? new Date(tx.success_time) : null,
  };
}

/**
 * WeChat Pay API v3 for a merchant of our own: Native (a QR code on a computer), H5 (a
 * phone browser) and JSAPI (inside WeChat) orders, queried, closed and refunded by our
 * out_trade_no; amounts in fen. Payments are confirmed by WeChat Pay's signed
 * notification (modules/payments/wechatpay) or by asking it, never by the browser.
 */
export function createWechatPayProvider(
  config: WechatPayConfig,
  options: { notifyUrl: string; client?: Wechatpay },
): PaymentProvider {
  const client = options.client ?? createWechatPayClient(config);
  /** One signed call, its answer verified by the library; `{name}` in the path comes from `config`. */
  const call = async <T>(
    method: "get" | "post",
    path: string,
    data?: unknown,
    config: Record<string, unknown> = {},
  ): Promise<T> => {
    const answer = (await (
      client.client as unknown as {
        request(p: string, m: string, d: unknown, c: Record<string, unknown>): Promise<{ data: unknown }>;
      }
    ).request(path, method, data, config)) as { data: T };
    return answer.data;
  };
  return {
    name: "WECHATPAY",
    paysInline: false,

    async startCheckout(order, context) {
      const outTradeNo = context.outTradeNo;
      if (!outTradeNo) throw new Error("a WeChat Pay order needs our out_trade_no");
      if (order.currency !== "CNY") throw new Error(`WeChat Pay takes CNY, not ${order.currency}`);
      const common = {
        appid: config.appid,
        mchid: config.mchid,
        // At most 127 bytes; the order's code finds it again in WeChat's bill and on the buyer's phone.
        description: `所前游 订单 ${order.code}`,
        out_trade_no: outTradeNo,
        time_expire: beijingTime(order.expiresAt),
        attach: order.id,
        notify_url: options.notifyUrl,
        amount: { total: order.totalCents, currency: "CNY" },
      };
      if (context.channel === "native") {
        const data = await call<{ code_url: string }>("post", "v3/pay/transactions/native", common);
        return { kind: "qr", codeUrl: data.code_url };
      }
      if (context.channel === "h5") {
        const data = await call<{ h5_url: string }>("post", "v3/pay/transactions/h5", {
          ...common,
          scene_info: { payer_client_ip: context.clientIp || "127.0.0.1", h5_info: { type: "Wap" } },
        });
        // WeChat returns the buyer to redirect_url after paying (or not): the order page, which asks WeChat Pay.
        const url = `${data.h5_url}&redirect_url=${encodeURIComponent(context.returnUrl)}`;
        return { kind: "redirect", url };
      }
      if (context.channel === "jsapi") {
        if (!context.openid) throw new Error("a JSAPI payment needs the visitor's openid");
        const data = await call<{ prepay_id: string }>("post", "v3/pay/transactions/jsapi", {
          ...common,
          payer: { openid: context.openid },
        });
        const pkg = `prepay_id=${data.prepay_id}`;
        const timeStamp = String(Formatter.timestamp());
        const nonceStr = Formatter.nonce();
        // The sheet's parameters, signed with the merchant's key as the JSAPI docs define.
        const paySign = Rsa.sign(
          Formatter.joinedByLineFeed(config.appid, timeStamp, nonceStr, pkg),
          config.merchantPrivateKey,
        );
        return {
          kind: "jsapi",
          params: { appId: config.appid, timeStamp, nonceStr, package: pkg, signType: "RSA", paySign },
        };
      }
      throw new Error(`WeChat Pay has no channel ${context.channel}`);
    },

    async query(outTradeNo) {
      try {
        const data = await call<Transaction>("get", "v3/pay/transactions/out-trade-no/{out_trade_no}", undefined, {
          params: { mchid: config.mchid },
          out_trade_no: outTradeNo,
        });
        return tradeState(data, config);
      } catch (error) {
        if (wechatErrorCode(error) === "ORDER_NOT_EXIST")
          return { state: "unknown", transactionId: null, amountCents: null, currency: null, paidAt: null };
        throw error;
      }
    },

    async close(outTradeNo) {
      try {
        await call(
          "post",
          "v3/pay/transactions/out-trade-no/{out_trade_no}/close",
          { mchid: config.mchid },
          {
            out_trade_no: outTradeNo,
          },
        );
        return "closed";
      } catch (error) {
        if (wechatErrorCode(error) === "ORDERPAID") return "paid";
        // Never opened at WeChat Pay (the visitor never got the QR code): nothing to close.
        if (wechatErrorCode(error) === "ORDER_NOT_EXIST") return "closed";
        throw error;
      }
    },

    async refund(request) {
      const outTradeNo = request.payment.providerRef;
      if (!outTradeNo) throw new Error(`payment ${request.payment.id} has no WeChat Pay order to refund`);
      const refund = await call<{ refund_id: string; status?: string }>("post", "v3/refund/domestic/refunds", {
        out_trade_no: outTradeNo,
        out_refund_no: request.idempotencyKey,
        reason: request.reason.slice(0, 80),
        notify_url: options.notifyUrl,
        amount: { refund: request.amountCents, total: request.payment.amountCents, currency: "CNY" },
      });
      return { providerRef: refund.refund_id, settled: refund.status === "SUCCESS" };
    },

    async bill(day) {
      let answer: { download_url: string; hash_type?: string; hash_value?: string };
      try {
        answer = await call<typeof answer>("get", "v3/bill/tradebill", undefined, {
          params: { bill_date: day, bill_type: "ALL" },
        });
      } catch (error) {
        if (wechatErrorCode(error) === "NO_STATEMENT_EXIST") return [];
        throw error;
      }
      const url = new URL(answer.download_url);
      const data = await call<ArrayBuffer>("get", "v3/billdownload/file", undefined, {
        params: Object.fromEntries(url.searchParams),
        responseType: "arraybuffer",
      });
      const file = Buffer.from(data);
      if (answer.hash_type?.toUpperCase() === "SHA1") {
        const digest = createHash("sha1").update(file).digest("hex");
        if (digest.toLowerCase() !== answer.hash_value?.toLowerCase()) {
          log().error({ day }, "WeChat Pay bill refused: its SHA1 does not match");
          throw new Error(`WeChat Pay's bill of ${day} does not match its hash`);
        }
      }
      return parseTradeBill(file.toString("utf8")) satisfies BillLine[];
    },
  };
}
