import { afterAll, describe, expect, it, vi } from "vitest";

// The daily reconciliation against both local peers at once (WeChat Pay's trade bill,
// Alipay's zipped GBK business bill): each kind of difference found, the day compared
// once however many instances try, and an administrator's re-query applying what the
// provider says.
const peers = await vi.hoisted(async () => {
  const { startWechatPayServer } = await import("../../scripts/lib/wechatpay-server");
  const { startAlipayGateway } = await import("../../scripts/lib/alipay-gateway");
  const { startNotificationReceiver } = await import("../support/notification-receiver");
  const wechat = await startWechatPayServer({ refundDelayMs: 20 });
  const alipay = await startAlipayGateway();
  // Both providers post to the site: one receiver dispatching by path.
  const receiver = await startNotificationReceiver(async () => async (request: Request, ctx: object) => {
    const path = new URL(request.url).pathname;
    const route = path.endsWith("/alipay")
      ? await import("../../app/api/webhooks/alipay/route")
      : await import("../../app/api/webhooks/wechatpay/route");
    return route.POST(request, ctx);
  });
  vi.stubEnv("NEXTAUTH_URL", receiver.url);
  vi.stubEnv("WECHATPAY_MCHID", wechat.mchid);
  vi.stubEnv("WECHATPAY_APPID", wechat.appid);
  vi.stubEnv("WECHATPAY_MERCHANT_SERIAL", wechat.merchantSerial);
  vi.stubEnv("WECHATPAY_PRIVATE_KEY", wechat.merchantPrivateKeyPem);
  vi.stubEnv("WECHATPAY_API_V3_KEY", wechat.apiV3Key);
  vi.stubEnv("WECHATPAY_PUBLIC_KEY", wechat.platformPublicKeyPem);
  vi.stubEnv("WECHATPAY_PUBLIC_KEY_ID", wechat.publicKeyId);
  vi.stubEnv("WECHATPAY_API_URL", wechat.url);
  vi.stubEnv("ALIPAY_APP_ID", alipay.appId);
  vi.stubEnv("ALIPAY_PRIVATE_KEY", alipay.appPrivateKeyPem);
  vi.stubEnv("ALIPAY_PUBLIC_KEY", alipay.alipayPublicKeyPem);
  vi.stubEnv("ALIPAY_GATEWAY_URL", alipay.url);
  return { wechat, alipay, receiver };
});

import { shanghaiDateKey } from "../../lib/dates";
import { providerNamed } from "../../lib/payments/provider";
import { requeryDifference } from "../../modules/admin-orders/reconciliation";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { reconcileDay } from "../../modules/payments/reconcile";
import { startOrderCheckout } from "../../modules/payments/start-checkout";
import { testDb as db } from "../support/db";
import { orderWithPayments, ticketOrder } from "../support/provider-orders";

const { wechat, alipay, receiver } = peers;

afterAll(async () => {
  vi.unstubAllEnvs();
  await wechat.stop();
  await alipay.stop();
  await new Promise((r) => receiver.server.close(r));
  await db.$disconnect();
});

async function anAdmin() {
  const user = await db.user.create({
    data: { email: `reconciler-${Date.now()}@example.com`, name: "对账员", passwordHash: "x", role: "ADMIN" },
  });
  return { id: user.id, email: user.email, role: "ADMIN" as const };
}

async function opened(orderId: string, provider: "WECHATPAY" | "ALIPAY") {
  const by = await providerNamed(provider);
  if (!by) throw new Error(`${provider} is not configured`);
  const start = await startOrderCheckout(orderId, by, { channel: provider === "WECHATPAY" ? "native" : "wap" });
  if (!start) throw new Error("nothing opened");
  if (start.kind === "redirect") await fetch(start.url);
  return (await db.providerTrade.findFirstOrThrow({ where: { orderId, provider } })).outTradeNo;
}

/** The day's differences about these provider orders (other test files pay on the same database). */
const differencesOf = async (provider: "WECHATPAY" | "ALIPAY", day: string, mine: string[]) =>
  (
    await db.reconciliationDifference.findMany({
      where: { reconciliation: { provider, day }, outTradeNo: { in: mine } },
      orderBy: [{ kind: "asc" }, { outTradeNo: "asc" }],
    })
  ).map((d) => ({ kind: d.kind, outTradeNo: d.outTradeNo, there: d.providerCents, here: d.ourCents }));

describe("the daily reconciliation", () => {
  it("finds each kind of difference between WeChat Pay's bill and our records, once however many instances try", async () => {
    const day = shanghaiDateKey(new Date());
    // Paid and recorded: no difference.
    const fine = await ticketOrder(1);
    const fineNo = await opened(fine.order.id, "WECHATPAY");
    wechat.pay(fineNo);
    // Paid at WeChat Pay, the notification lost and nobody asked: paid there, not here.
    const lost = await ticketOrder(1);
    const lostNo = await opened(lost.order.id, "WECHATPAY");
    wechat.pay(lostNo, { notify: false });
    // A payment nobody here knows.
    wechat.recordForeignPayment({ out_trade_no: "SQFOREIGN01-N", total: 3800 });
    // Amounts that differ: the bill says one yuan less.
    const differs = await ticketOrder(1);
    const differsNo = await opened(differs.order.id, "WECHATPAY");
    wechat.pay(differsNo);
    // Refunded here (a ticket cancelled, refund sent) and in the bill: no difference.
    const refunded = await ticketOrder(2);
    const refundedNo = await opened(refunded.order.id, "WECHATPAY");
    wechat.pay(refundedNo);
    await wechat.settled();
    wechat.alterBillRow(differsNo, { orderTotal: differs.order.totalCents - 100 });
    const ticket = (await orderWithPayments(refunded.order.id)).tickets[0];
    if (!ticket) throw new Error("no ticket");
    await cancelOrder({ orderId: refunded.order.id, ticketIds: [ticket.id], by: { kind: "buyer" } });
    await wechat.settled();
    // Recorded here, in no bill: a payment and a refund WeChat Pay never saw.
    const ghost = await ticketOrder(1);
    await db.payment.create({
      data: {
        orderId: ghost.order.id,
        provider: "WECHATPAY",
        providerRef: "SQGHOST001-N",
        amountCents: 8800,
        status: "SUCCEEDED",
        paidAt: new Date(),
      },
    });
    const fineFromDb = await orderWithPayments(fine.order.id);
    await db.refund.create({
      data: {
        paymentId: fineFromDb.payments[0]?.id ?? "",
        amountCents: 500,
        providerRef: "ghost-refund",
        reason: "test",
      },
    });
    // Refunded there (the merchant platform), not recorded here.
    wechat.addBillRow({
      outTradeNo: differsNo,
      total: 0,
      tradeState: "REFUND",
      refundId: "50300000000000000000000001",
      outRefundNo: "platform-refund-1",
      refund: 300,
    });

    // Two instances at once: one compares, the other finds it taken.
    const runs = await Promise.all([reconcileDay("WECHATPAY", day), reconcileDay("WECHATPAY", day)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(await reconcileDay("WECHATPAY", day)).toBeNull();
    expect(await db.reconciliation.count({ where: { provider: "WECHATPAY", day } })).toBe(1);
    const found = await differencesOf("WECHATPAY", day, [
      fineNo,
      lostNo,
      "SQFOREIGN01-N",
      differsNo,
      refundedNo,
      "SQGHOST001-N",
    ]);
    expect(found).toHaveLength(6);
    expect(found).toEqual(
      expect.arrayContaining([
        {
          kind: "amount_differs",
          outTradeNo: differsNo,
          there: differs.order.totalCents - 100,
          here: differs.order.totalCents,
        },
        { kind: "paid_here_not_there", outTradeNo: "SQGHOST001-N", there: null, here: 8800 },
        { kind: "paid_there_not_here", outTradeNo: "SQFOREIGN01-N", there: 3800, here: null },
        { kind: "paid_there_not_here", outTradeNo: lostNo, there: lost.order.totalCents, here: null },
        { kind: "refund_here_not_there", outTradeNo: fineNo, there: 0, here: 500 },
        { kind: "refund_there_not_here", outTradeNo: differsNo, there: 300, here: 0 },
      ]),
    );

    // The administrator asks again about the lost payment: the order is paid from WeChat Pay's answer.
    const difference = await db.reconciliationDifference.findFirstOrThrow({ where: { outTradeNo: lostNo } });
    expect(await requeryDifference(difference.id, await anAdmin())).toEqual({ resolved: true, state: "paid" });
    expect((await orderWithPayments(lost.order.id)).status).toBe("PAID");
    expect(
      (await db.reconciliationDifference.findUniqueOrThrow({ where: { id: difference.id } })).resolvedAt,
    ).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "order.paymentRequery", entityId: lost.order.id } })).toBe(1);
  });

  it("reads Alipay's zipped GBK bill: a trade paid there and not here, and amounts that differ", async () => {
    const day = shanghaiDateKey(new Date());
    const fine = await ticketOrder(1);
    const fineNo = await opened(fine.order.id, "ALIPAY");
    await alipay.pay(fineNo);
    const differs = await ticketOrder(1);
    const differsNo = await opened(differs.order.id, "ALIPAY");
    await alipay.pay(differsNo);
    alipay.addForeignTrade({ out_trade_no: differsNo, total_amount: "1.00", paidAt: new Date() });
    alipay.addForeignTrade({ out_trade_no: "SQFOREIGN02-AW", total_amount: "38.00", paidAt: new Date() });
    expect(await reconcileDay("ALIPAY", day)).toBeGreaterThanOrEqual(2);
    const found = await differencesOf("ALIPAY", day, [fineNo, differsNo, "SQFOREIGN02-AW"]);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: "amount_differs", outTradeNo: differsNo, there: 100, here: differs.order.totalCents },
        { kind: "paid_there_not_here", outTradeNo: "SQFOREIGN02-AW", there: 3800, here: null },
      ]),
    );
  });

  it("tries a failed day again, and a day with no bill finds nothing to differ", async () => {
    const day = "2020-01-01";
    expect(await reconcileDay("WECHATPAY", day)).toBe(0);
    expect(
      await db.reconciliation.findUniqueOrThrow({ where: { provider_day: { provider: "WECHATPAY", day } } }),
    ).toMatchObject({
      status: "done",
      billLines: 0,
    });
    await db.reconciliation.update({
      where: { provider_day: { provider: "WECHATPAY", day } },
      data: { status: "failed" },
    });
    expect(await reconcileDay("WECHATPAY", day)).toBe(0);
  });
});
