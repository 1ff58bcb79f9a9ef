import "server-only";
import { AlipaySdk } from "alipay-sdk";
import type { PaymentProvider, ProviderTradeState } from "../types";
import { alipayTime, fenOf, yuanString } from "./amounts";
import { parseBusinessBill } from "./bill";
import type { AlipayConfig } from "./settings";

type Answer = Record<string, unknown> & { code?: string; subCode?: string; subMsg?: string };

export function createAlipaySdk(config: AlipayConfig): AlipaySdk {
  return new AlipaySdk({
    appId: config.appId,
    privateKey: config.privateKey,
    keyType: config.keyType,
    gateway: config.gateway,
    timeout: 10_000,
    ...(config.certs
      ? {
          appCertContent: config.certs.appCert,
          alipayPublicCertContent: config.certs.alipayPublicCert,
          alipayRootCertContent: config.certs.alipayRootCert,
        }
      : { alipayPublicKey: config.alipayPublicKey ?? "" }),
  });
}

/** An Alipay answer that is not a success, with its sub_code (ACQ.TRADE_NOT_EXIST…). */
export class AlipayError extends Error {
  constructor(
    readonly method: string,
    readonly subCode: string | undefined,
    message: string | undefined,
  ) {
    super(`${method}: ${subCode ?? "error"} ${message ?? ""}`.trim());
  }
}

/**
 * Alipay (open platform, our own app): the phone cashier (alipay.trade.wap.pay) and the
 * computer one (alipay.trade.page.pay) by our out_trade_no, queried, closed and refunded
 * with the official `alipay-sdk`, every answer's signature checked with Alipay's key.
 * Amounts are fen here and yuan strings there, converted without floats. Alipay reads
 * request times as Beijing time, so each request carries one (the server may be on UTC).
 */
export function createAlipayProvider(
  config: AlipayConfig,
  options: { notifyUrl: string; sdk?: AlipaySdk },
): PaymentProvider {
  const sdk = options.sdk ?? createAlipaySdk(config);
  const exec = async (method: string, bizContent: Record<string, unknown>): Promise<Answer> =>
    (await sdk.exec(method, { bizContent, timestamp: alipayTime(new Date()) }, { validateSign: true })) as Answer;
  const succeeded = (answer: Answer) => answer.code === "10000";

  const query = async (outTradeNo: string): Promise<ProviderTradeState> => {
    const answer = await exec("alipay.trade.query", { out_trade_no: outTradeNo });
    if (!succeeded(answer)) {
      if (answer.subCode === "ACQ.TRADE_NOT_EXIST")
        return { state: "unknown", transactionId: null, amountCents: null, currency: null, paidAt: null };
      throw new AlipayError("alipay.trade.query", answer.subCode, answer.subMsg);
    }
    const status = String(answer.tradeStatus ?? "");
    return {
      state:
        status === "TRADE_SUCCESS" || status === "TRADE_FINISHED"
          ? "paid"
          : status === "TRADE_CLOSED"
            ? "closed"
            : "open",
      transactionId: typeof answer.tradeNo === "string" ? answer.tradeNo : null,
      amountCents: fenOf(answer.totalAmount as string | undefined),
      currency: "CNY",
      paidAt: typeof answer.sendPayDate === "string" ? new Date(`${answer.sendPayDate.replace(" ", "T")}+08:00`) : null,
    };
  };

  return {
    name: "ALIPAY",
    paysInline: false,

    async startCheckout(order, context) {
      const outTradeNo = context.outTradeNo;
      if (!outTradeNo) throw new Error("an Alipay order needs our out_trade_no");
      if (order.currency !== "CNY") throw new Error(`Alipay takes CNY, not ${order.currency}`);
      const phone = context.channel === "wap";
      if (!phone && context.channel !== "page") throw new Error(`Alipay has no channel ${context.channel}`);
      const url = sdk.pageExec(phone ? "alipay.trade.wap.pay" : "alipay.trade.page.pay", "GET", {
        bizContent: {
          out_trade_no: outTradeNo,
          total_amount: yuanString(order.totalCents),
          subject: `所前游 订单 ${order.code}`,
          product_code: phone ? "QUICK_WAP_WAY" : "FAST_INSTANT_TRADE_PAY",
          time_expire: alipayTime(order.expiresAt),
          ...(phone ? { quit_url: context.cancelUrl } : {}),
        },
        returnUrl: context.returnUrl,
        notifyUrl: options.notifyUrl,
        timestamp: alipayTime(new Date()),
      });
      return { kind: "redirect", url };
    },

    query,

    async close(outTradeNo) {
      const answer = await exec("alipay.trade.close", { out_trade_no: outTradeNo });
      if (succeeded(answer)) return "closed";
      // Never opened (the visitor never reached the cashier): nothing to close.
      if (answer.subCode === "ACQ.TRADE_NOT_EXIST") return "closed";
      if (answer.subCode === "ACQ.TRADE_STATUS_ERROR")
        return (await query(outTradeNo)).state === "paid" ? "paid" : "closed";
      throw new AlipayError("alipay.trade.close", answer.subCode, answer.subMsg);
    },

    async refund(request) {
      const outTradeNo = request.payment.providerRef;
      if (!outTradeNo) throw new Error(`payment ${request.payment.id} has no Alipay order to refund`);
      const answer = await exec("alipay.trade.refund", {
        out_trade_no: outTradeNo,
        refund_amount: yuanString(request.amountCents),
        out_request_no: request.idempotencyKey,
        refund_reason: request.reason.slice(0, 80),
      });
      if (!succeeded(answer)) throw new AlipayError("alipay.trade.refund", answer.subCode, answer.subMsg);
      // Alipay names a refund by our request number (the same again answers fund_change "N": no second refund).
      return { providerRef: `alipay:${outTradeNo}:${request.idempotencyKey}`, settled: true };
    },

    async bill(day) {
      const answer = await exec("alipay.data.dataservice.bill.downloadurl.query", {
        bill_type: "trade",
        bill_date: day,
      });
      if (!succeeded(answer)) {
        if (answer.subCode === "isp.bill_not_exist") return [];
        throw new AlipayError("alipay.data.dataservice.bill.downloadurl.query", answer.subCode, answer.subMsg);
      }
      const url = String(answer.billDownloadUrl ?? "");
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) throw new Error(`Alipay bill download answered ${response.status}`);
      return parseBusinessBill(new Uint8Array(await response.arrayBuffer()));
    },
  };
}
