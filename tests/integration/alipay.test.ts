import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Alipay end to end: the official alipay-sdk on the app's side (RSA2 with the app's key,
// every answer's signature checked with Alipay's public key) against a local
// Alipay-compatible gateway (scripts/lib/alipay-gateway.ts) that checks the app's
// signatures, serves the cashier and signs its answers and notifications with its own
// key; notifications reach the real route handler through a receiver on loopback.
const peer = await vi.hoisted(async () => {
  const { startAlipayGateway } = await import("../../scripts/lib/alipay-gateway");
  const { startNotificationReceiver } = await import("../support/notification-receiver");
  const gateway = await startAlipayGateway();
  const receiver = await startNotificationReceiver(
    async () => (await import("../../app/api/webhooks/alipay/route")).POST,
  );
  vi.stubEnv("NEXTAUTH_URL", receiver.url);
  vi.stubEnv("ALIPAY_APP_ID", gateway.appId);
  vi.stubEnv("ALIPAY_PRIVATE_KEY", gateway.appPrivateKeyPem);
  vi.stubEnv("ALIPAY_PUBLIC_KEY", gateway.alipayPublicKeyPem);
  vi.stubEnv("ALIPAY_GATEWAY_URL", gateway.url);
  return { gateway, receiver };
});

import { POST } from "../../app/api/webhooks/alipay/route";
import { env } from "../../lib/env";
import { providerNamed } from "../../lib/payments/provider";
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

const { gateway, receiver } = peer;

afterAll(async () => {
  vi.unstubAllEnvs();
  await gateway.stop();
  await new Promise((r) => receiver.server.close(r));
  await db.$disconnect();
});

async function alipay() {
  const provider = await providerNamed("ALIPAY");
  if (!provider) throw new Error("Alipay is not configured");
  return provider;
}

/** Opens Alipay's phone cashier for the order, as the browser does; returns our out_trade_no. */
async function wapCheckout(orderId: string, channel: "wap" | "page" = "wap") {
  const start = await startOrderCheckout(orderId, await alipay(), { channel });
  if (start?.kind !== "redirect") throw new Error(`no cashier: ${JSON.stringify(start)}`);
  const page = await fetch(start.url);
  expect(await page.text()).toContain('data-testid="alipay-cashier"');
  const trade = await db.providerTrade.findFirstOrThrow({ where: { orderId, channel } });
  return trade.outTradeNo;
}

async function send(body: string) {
  const response = await POST(
    new Request("http://127.0.0.1/api/webhooks/alipay", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body,
    }),
    {},
  );
  return { status: response.status, text: await response.text() };
}

describe("paying with Alipay", () => {
  it("opens the phone cashier in yuan for our number, and pays ours when Alipay's signed notification says so", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await wapCheckout(order.id);
    const opened = gateway.trades.get(outTradeNo);
    expect(opened).toMatchObject({
      method: "alipay.trade.wap.pay",
      productCode: "QUICK_WAP_WAY",
      notifyUrl: `${env.siteUrl}/api/webhooks/alipay`,
      totalAmount: `${Math.floor(order.totalCents / 100)}.${String(order.totalCents % 100).padStart(2, "0")}`,
    });
    expect(opened?.subject).toContain(order.code);
    expect(opened?.returnUrl).toContain(`/orders/${order.id}?token=`);

    const paid = await gateway.pay(outTradeNo);
    expect(paid.notification).toMatchObject({ acknowledged: true, answer: "success" });
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PAID");
    expect(after.tickets).toHaveLength(2);
    expect(after.payments).toEqual([
      expect.objectContaining({
        provider: "ALIPAY",
        providerRef: outTradeNo,
        transactionId: paid.trade.tradeNo,
        amountCents: order.totalCents,
      }),
    ]);
  });

  it("opens the computer cashier (page.pay) on a computer", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await wapCheckout(order.id, "page");
    expect(gateway.trades.get(outTradeNo)).toMatchObject({
      method: "alipay.trade.page.pay",
      productCode: "FAST_INSTANT_TRADE_PAY",
    });
  });

  it("counts one notification delivered five times as one payment", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await wapCheckout(order.id);
    await gateway.pay(outTradeNo, { notify: false });
    const body = gateway.notificationFor(outTradeNo);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await send(body)).text);
    expect(answers).toEqual(["success", "success", "success", "success", "success"]);
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PAID");
    expect(after.payments).toHaveLength(1);
    expect(after.tickets).toHaveLength(1);
  });

  it("refuses a notification that is unsigned, re-signed with another key, altered, or for another app, and changes nothing", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await wapCheckout(order.id);
    const forger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs1",
      format: "pem",
    }) as string;
    const genuine = Object.fromEntries(new URLSearchParams(gateway.notificationFor(outTradeNo)));
    const unsigned = new URLSearchParams({ ...genuine, sign: "" }).toString();
    const { sign: _drop, ...unsignedParams } = genuine;
    const resigned = new URLSearchParams({ ...genuine, sign: gateway.sign(unsignedParams, forger) }).toString();
    const altered = new URLSearchParams({ ...genuine, total_amount: "0.01" }).toString();
    const otherApp = gateway.notificationFor(outTradeNo, { app_id: "2021000000009999" });
    for (const body of [unsigned, resigned, altered, otherApp]) {
      const answer = await send(body);
      expect(answer.text).toBe("failure");
      expect(answer.status).toBeGreaterThanOrEqual(400);
    }
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PENDING");
    expect(after.payments).toHaveLength(0);
  });

  it("does not pay an order for the wrong amount, and gives that money back", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await wapCheckout(order.id);
    await gateway.pay(outTradeNo, { amount: "1.00" });
    await gateway.settled();
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PENDING");
    expect(gateway.refunds.filter((r) => r.outTradeNo === outTradeNo).map((r) => r.refundAmount)).toEqual(["1.00"]);
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: 100 });
  });

  it("gives back money paid after the hold ran out and the seat was sold again", async () => {
    const { order, sale } = await ticketOrder(1, 1);
    const outTradeNo = await wapCheckout(order.id);
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { sessionIds: [sale.session.id] });
    await anotherTicketOrder(sale);
    await gateway.pay(outTradeNo);
    await gateway.settled();
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("EXPIRED");
    expect(after.payments[0]).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
    expect(gateway.refunds.filter((r) => r.outTradeNo === outTradeNo)).toHaveLength(1);
  });

  it("marks an order paid from Alipay's answer (alipay.trade.query) when the buyer comes back first", async () => {
    const { order } = await ticketOrder(1);
    const outTradeNo = await wapCheckout(order.id);
    expect(await confirmFromProviders(order.id)).toBe(false);
    const paid = await gateway.pay(outTradeNo, { notify: false });
    expect(await confirmFromProviders(order.id)).toBe(true);
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PAID");
    expect(after.payments).toEqual([expect.objectContaining({ transactionId: paid.trade.tradeNo })]);
  });

  it("closes the Alipay trade once the hold runs out (alipay.trade.close), so it can no longer be paid", async () => {
    const { order, sale } = await ticketOrder(1);
    const outTradeNo = await wapCheckout(order.id);
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    await releaseExpiredHolds(later, { sessionIds: [sale.session.id] });
    await sweepProviderTrades(later);
    expect(gateway.trades.get(outTradeNo)?.status).toBe("TRADE_CLOSED");
    expect((await db.providerTrade.findUniqueOrThrow({ where: { outTradeNo } })).closedAt).not.toBeNull();
    await expect(gateway.pay(outTradeNo)).rejects.toThrow();
  });
});

describe("refunds through Alipay", () => {
  it("refunds a cancelled ticket once (alipay.trade.refund with out_request_no) even when retried", async () => {
    const { order } = await ticketOrder(2);
    const outTradeNo = await wapCheckout(order.id);
    await gateway.pay(outTradeNo);
    const ticket = (await orderWithPayments(order.id)).tickets[0];
    if (!ticket) throw new Error("no ticket");
    await cancelOrder({ orderId: order.id, ticketIds: [ticket.id], by: { kind: "buyer" } });
    const refund = await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    expect(await sendRefund(refund.id)).toBe(true);
    await db.refund.update({ where: { id: refund.id }, data: { providerRef: null } });
    expect(await sendRefund(refund.id)).toBe(true);
    await gateway.settled();
    const paidBack = gateway.refunds.filter((r) => r.outTradeNo === outTradeNo);
    expect(paidBack.map((r) => [r.outRequestNo, r.refundAmount])).toEqual([
      [
        `refund-${refund.id}`,
        `${Math.floor(ticket.priceCents / 100)}.${String(ticket.priceCents % 100).padStart(2, "0")}`,
      ],
    ]);
    const after = await orderWithPayments(order.id);
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.payments[0]?.refundedCents).toBe(ticket.priceCents);
  });

  it("refunds part of a product line by amount, once, and a retry asks nothing more", async () => {
    const { order, shop } = await productOrder(3);
    const farmer: LineRefunder = { kind: "farmer", farmer: shop.farmer, actor: shop.user };
    const outTradeNo = await wapCheckout(order.id);
    await gateway.pay(outTradeNo);
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id } });
    const result = await refundOrderLine(
      farmer,
      lineRefundInputSchema.parse({ itemId: line.id, mode: "amount", amount: "12.50", reason: "short_weight" }),
    );
    expect(result).toMatchObject({ amountCents: 1250, refundPending: false });
    await retryLineRefund(farmer, result.refundId);
    await gateway.settled();
    expect(gateway.refunds.filter((r) => r.outTradeNo === outTradeNo).map((r) => r.refundAmount)).toEqual(["12.50"]);
    const after = await orderWithPayments(order.id);
    expect(after.payments[0]).toMatchObject({ refundedCents: 1250, status: "PARTIALLY_REFUNDED" });
  });
});
