import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// WeChat Pay (API v3) end to end: the app's client (wechatpay-axios-plugin, signing with
// the merchant's key and verifying every answer with WeChat Pay's public key) against
// a local WeChat Pay-compatible server (scripts/lib/wechatpay-server.ts) that checks
// those signatures and signs its answers and notifications with its own key; the
// notifications reach the real route handler through a small receiver on loopback.
// The settings are the app's own (WECHATPAY_*), read once from the environment.
const peer = await vi.hoisted(async () => {
  const { startWechatPayServer } = await import("../../scripts/lib/wechatpay-server");
  const { startNotificationReceiver } = await import("../support/notification-receiver");
  const server = await startWechatPayServer({ refundDelayMs: 20 });
  // WeChat Pay posts to notify_url (the site's address + /api/webhooks/wechatpay): here.
  const receiver = await startNotificationReceiver(
    async () => (await import("../../app/api/webhooks/wechatpay/route")).POST,
  );
  vi.stubEnv("NEXTAUTH_URL", receiver.url);
  vi.stubEnv("WECHATPAY_MCHID", server.mchid);
  vi.stubEnv("WECHATPAY_APPID", server.appid);
  vi.stubEnv("WECHATPAY_APP_SECRET", server.appSecret);
  vi.stubEnv("WECHATPAY_MERCHANT_SERIAL", server.merchantSerial);
  vi.stubEnv("WECHATPAY_PRIVATE_KEY", server.merchantPrivateKeyPem);
  vi.stubEnv("WECHATPAY_API_V3_KEY", server.apiV3Key);
  vi.stubEnv("WECHATPAY_PUBLIC_KEY", server.platformPublicKeyPem);
  vi.stubEnv("WECHATPAY_PUBLIC_KEY_ID", server.publicKeyId);
  vi.stubEnv("WECHATPAY_API_URL", server.url);
  vi.stubEnv("WECHAT_OAUTH_URL", server.url);
  vi.stubEnv("WECHAT_API_URL", server.url);
  return { server, receiver };
});

import { POST } from "../../app/api/webhooks/wechatpay/route";
import { env } from "../../lib/env";
import { demoPayments, paymentProviders, providerNamed } from "../../lib/payments/provider";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { HOLD_MINUTES } from "../../modules/orders/create-order";
import { lineRefundInputSchema } from "../../modules/orders/line-refund-rules";
import { type LineRefunder, refundOrderLine, retryLineRefund } from "../../modules/orders/refund-order-line";
import { sendRefund } from "../../modules/orders/refund-payment";
import { confirmFromProviders, sweepProviderTrades } from "../../modules/payments/provider-trades";
import { startOrderCheckout } from "../../modules/payments/start-checkout";
import { testDb as db } from "../support/db";
import { anotherTicketOrder, orderWithPayments, productOrder, ticketOrder } from "../support/provider-orders";

const { server, receiver } = peer;

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
  await new Promise((r) => receiver.server.close(r));
  await db.$disconnect();
});

async function wechatPay() {
  const provider = await providerNamed("WECHATPAY");
  if (!provider) throw new Error("WeChat Pay is not configured");
  return provider;
}

/** Opens the order at WeChat Pay as a computer would (Native: a QR code); returns our out_trade_no. */
async function nativeCheckout(orderId: string) {
  const start = await startOrderCheckout(orderId, await wechatPay(), { channel: "native" });
  if (start?.kind !== "qr") throw new Error(`no QR code: ${JSON.stringify(start)}`);
  const trade = await db.providerTrade.findFirstOrThrow({ where: { orderId, channel: "native" } });
  expect(server.orders.get(trade.outTradeNo)?.codeUrl).toBe(start.codeUrl);
  return trade.outTradeNo;
}

const orderOf = orderWithPayments;

async function send(notification: { headers: Record<string, string>; body: string }) {
  const response = await POST(
    new Request("http://127.0.0.1/api/webhooks/wechatpay", {
      method: "POST",
      headers: notification.headers,
      body: notification.body,
    }),
    {},
  );
  return { status: response.status, body: await response.text() };
}

describe("paying with WeChat Pay", () => {
  it("is the provider once its settings are set: demo payments are off", async () => {
    expect(demoPayments()).toBe(false);
    expect((await paymentProviders()).map((p) => p.name)).toEqual(["WECHATPAY"]);
  });

  it("opens a Native order in fen with our number and deadline, and pays ours when WeChat Pay's signed notification says so", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await nativeCheckout(order.id);
    const opened = server.orders.get(outTradeNo);
    expect(opened).toMatchObject({
      tradeType: "NATIVE",
      total: order.totalCents,
      notifyUrl: `${env.siteUrl}/api/webhooks/wechatpay`,
      attach: order.id,
    });
    expect(opened?.description).toContain(order.code);
    // WeChat Pay's deadline is the hold's, in whole seconds (never after it).
    expect(new Date(opened?.timeExpire ?? "").getTime()).toBe(
      Math.floor(new Date(order.expiresAt).getTime() / 1000) * 1000,
    );
    expect(opened?.timeExpire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // A second start (the page reloaded) shows the same QR code: one order at WeChat Pay.
    const again = await startOrderCheckout(order.id, await wechatPay(), { channel: "native" });
    expect(again).toEqual({ kind: "qr", codeUrl: opened?.codeUrl });
    expect(await db.providerTrade.count({ where: { orderId: order.id } })).toBe(1);

    const paid = server.pay(outTradeNo);
    await server.settled();
    const sent = server.notifications.filter((x) => x.outTradeNo === outTradeNo);
    expect(sent.map((x) => [x.eventType, x.status, x.answer])).toEqual([["TRANSACTION.SUCCESS", 204, ""]]);
    const after = await orderOf(order.id);
    expect(after.status).toBe("PAID");
    expect(after.tickets).toHaveLength(2);
    expect(after.payments).toEqual([
      expect.objectContaining({
        provider: "WECHATPAY",
        providerRef: outTradeNo,
        transactionId: paid.transaction_id,
        amountCents: order.totalCents,
        status: "SUCCEEDED",
      }),
    ]);
  });

  it("counts one notification delivered five times, and a query after it, as one payment", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await nativeCheckout(order.id);
    server.pay(outTradeNo, { notify: false });
    const notification = server.notificationFor(outTradeNo);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await send(notification)).status);
    expect(answers).toEqual([204, 204, 204, 204, 204]);
    expect(await confirmFromProviders(order.id)).toBe(false);
    const after = await orderOf(order.id);
    expect(after.status).toBe("PAID");
    expect(after.payments).toHaveLength(1);
    expect(after.tickets).toHaveLength(1);
  });

  it("refuses a notification that is unsigned, stale, signed with another key, or altered, and changes nothing", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await nativeCheckout(order.id);
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    }) as string;
    const good = server.notificationFor(outTradeNo);
    const unsigned = {
      headers: { "content-type": "application/json" },
      body: good.body,
    };
    const stale = server.notificationFor(outTradeNo, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const forged = server.notificationFor(outTradeNo, { privateKeyPem: forger });
    const unknownKey = server.notificationFor(outTradeNo, { serial: "PUB_KEY_ID_0000000000000000000000000000" });
    const altered = { headers: good.headers, body: good.body.replace('"summary":"', '"summary":"x') };
    const wrongAesKey = server.notificationFor(outTradeNo, { apiV3Key: "0123456789abcdef0123456789abcdef" });
    for (const attempt of [unsigned, stale, forged, unknownKey, altered, wrongAesKey]) {
      const answer = await send(attempt);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "FAIL" });
    }
    const after = await orderOf(order.id);
    expect(after.status).toBe("PENDING");
    expect(after.payments).toHaveLength(0);
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("does not pay an order for the wrong amount, and gives that money back", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await nativeCheckout(order.id);
    server.pay(outTradeNo, { amount: order.totalCents - 100 });
    await server.settled();
    const after = await orderOf(order.id);
    expect(after.status).toBe("PENDING");
    expect(after.tickets).toHaveLength(0);
    const refunds = [...server.refunds.values()].filter((r) => r.refund.out_trade_no === outTradeNo);
    expect(refunds.map((r) => [r.refund.amount.refund, r.requestCount])).toEqual([[order.totalCents - 100, 1]]);
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents - 100 });
  });

  it("gives back money paid after the hold ran out and the seat was sold again", async () => {
    const { order, sale } = await ticketOrder(1, 1);
    const outTradeNo = await nativeCheckout(order.id);
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    await releaseExpiredHolds(later, { sessionIds: [sale.session.id] });
    await anotherTicketOrder(sale);
    server.pay(outTradeNo);
    await server.settled();
    const after = await orderOf(order.id);
    expect(after.status).toBe("EXPIRED");
    expect(after.tickets).toHaveLength(0);
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
    expect([...server.refunds.values()].filter((r) => r.refund.out_trade_no === outTradeNo)).toHaveLength(1);
  });

  it("marks an order paid from WeChat Pay's answer when the buyer comes back before the notification", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await nativeCheckout(order.id);
    expect(await confirmFromProviders(order.id)).toBe(false);
    expect((await orderOf(order.id)).status).toBe("PENDING");
    const paid = server.pay(outTradeNo, { notify: false });
    expect(await confirmFromProviders(order.id)).toBe(true);
    const after = await orderOf(order.id);
    expect(after.status).toBe("PAID");
    expect(after.payments).toEqual([expect.objectContaining({ transactionId: paid.transaction_id })]);
    // The notification arriving afterwards changes nothing.
    expect((await send(server.notificationFor(outTradeNo))).status).toBe(204);
    expect((await orderOf(order.id)).payments).toHaveLength(1);
  });

  it("closes the WeChat Pay order once the hold runs out, so it can no longer be paid", async () => {
    const { order, sale } = await ticketOrder(1);
    const outTradeNo = await nativeCheckout(order.id);
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    await releaseExpiredHolds(later, { sessionIds: [sale.session.id] });
    await sweepProviderTrades(later);
    await sweepProviderTrades(later);
    expect(server.closeCount(outTradeNo)).toBe(1);
    expect(server.transaction(outTradeNo).trade_state).toBe("CLOSED");
    expect((await db.providerTrade.findUniqueOrThrow({ where: { outTradeNo } })).closedAt).not.toBeNull();
    expect(() => server.pay(outTradeNo)).toThrow();
    // And a new start for the expired order opens nothing.
    expect(await startOrderCheckout(order.id, await wechatPay(), { channel: "native" })).toBeNull();
  });

  it("asks WeChat Pay about an order whose hold is about to run out, and pays it from the answer", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await nativeCheckout(order.id);
    server.pay(outTradeNo, { notify: false });
    const almost = new Date(new Date(order.expiresAt).getTime() - 60_000);
    // (Other tests' pending orders may be asked about too.)
    expect((await sweepProviderTrades(almost)).queried).toBeGreaterThanOrEqual(1);
    expect((await orderOf(order.id)).status).toBe("PAID");
  });

  it("refunds a second payment of an order already paid (a QR code, then the phone)", async () => {
    const { order } = await ticketOrder(1);
    const native = await nativeCheckout(order.id);
    const h5 = await startOrderCheckout(order.id, await wechatPay(), { channel: "h5", clientIp: "203.0.113.9" });
    expect(h5?.kind).toBe("redirect");
    const h5Trade = await db.providerTrade.findFirstOrThrow({ where: { orderId: order.id, channel: "h5" } });
    expect(server.orders.get(h5Trade.outTradeNo)).toMatchObject({ tradeType: "MWEB", payerClientIp: "203.0.113.9" });
    server.pay(native);
    await server.settled();
    server.pay(h5Trade.outTradeNo);
    await server.settled();
    const after = await orderOf(order.id);
    expect(after.status).toBe("PAID");
    const second = after.payments.find((p) => p.providerRef === h5Trade.outTradeNo);
    expect(second).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
    expect(after.payments.find((p) => p.providerRef === native)).toMatchObject({ status: "SUCCEEDED" });
  });
});

describe("refunds through WeChat Pay", () => {
  it("asks again for a refund notification that overtakes its payment's, then counts a refund made in the merchant platform", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await nativeCheckout(order.id);
    server.pay(outTradeNo, { notify: false });
    const refund = server.notificationFor(outTradeNo, {
      eventType: "REFUND.SUCCESS",
      resource: {
        out_refund_no: "platform-refund-1",
        refund_id: `5030${Date.now()}`,
        refund_status: "SUCCESS",
        amount: { total: order.totalCents, refund: 100, payer_total: order.totalCents, payer_refund: 100 },
      },
    });
    expect((await send(refund)).status).toBe(409);
    expect((await send(server.notificationFor(outTradeNo))).status).toBe(204);
    expect((await send(refund)).status).toBe(204);
    expect((await send(refund)).status).toBe(204);
    const after = await orderOf(order.id);
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.payments[0]).toMatchObject({ refundedCents: 100, status: "PARTIALLY_REFUNDED" });
    expect(after.payments[0]?.refunds).toEqual([expect.objectContaining({ amountCents: 100, reason: "provider" })]);
  });

  it("refunds cancelled tickets with one refund at WeChat Pay even when retried, settled by its notification", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await nativeCheckout(order.id);
    server.pay(outTradeNo);
    await server.settled();
    const paid = await orderOf(order.id);
    const ticket = paid.tickets[0];
    if (!ticket) throw new Error("no ticket");
    await cancelOrder({ orderId: order.id, ticketIds: [ticket.id], by: { kind: "buyer" } });
    const refund = await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    expect(await sendRefund(refund.id)).toBe(true);
    expect(await sendRefund(refund.id)).toBe(true);
    const atWechat = server.refunds.get(`refund-${refund.id}`);
    expect(atWechat?.refund).toMatchObject({ out_trade_no: outTradeNo, amount: { refund: ticket.priceCents } });
    expect([...server.refunds.values()].filter((r) => r.refund.out_trade_no === outTradeNo)).toHaveLength(1);
    await server.settled();
    const settled = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    expect(settled.providerRef).toBe(atWechat?.refund.refund_id);
    expect(settled.settledAt).not.toBeNull();
    expect((await orderOf(order.id)).status).toBe("PARTIALLY_REFUNDED");
  });

  it("refunds part of a product line by amount, once per refund, and a retry asks nothing more", async () => {
    const { order: placed, shop } = await productOrder(3);
    const created = { order: placed };
    const farmer: LineRefunder = { kind: "farmer", farmer: shop.farmer, actor: shop.user };
    const outTradeNo = await nativeCheckout(created.order.id);
    server.pay(outTradeNo);
    await server.settled();
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: created.order.id } });
    const result = await refundOrderLine(
      farmer,
      lineRefundInputSchema.parse({ itemId: line.id, mode: "amount", amount: "12.50", reason: "short_weight" }),
    );
    expect(result).toMatchObject({ amountCents: 1250, refundPending: false });
    await retryLineRefund(farmer, result.refundId);
    const atWechat = server.refunds.get(`refund-${result.refundId}`);
    expect(atWechat?.refund.amount).toMatchObject({ refund: 1250, total: 12_000 });
    expect([...server.refunds.values()].filter((r) => r.refund.out_trade_no === outTradeNo)).toHaveLength(1);
    await server.settled();
    expect((await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).settledAt).not.toBeNull();
  });
});
