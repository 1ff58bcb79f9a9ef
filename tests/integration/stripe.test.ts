import Stripe from "stripe";
import { afterAll, describe, expect, it, vi } from "vitest";

import { POST } from "../../app/api/webhooks/stripe/route";
import { env } from "../../lib/env";
import { orderPageUrl } from "../../lib/order-links";
import { createStripeProvider } from "../../lib/payments/stripe/provider";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder, HOLD_MINUTES } from "../../modules/orders/create-order";
import { markOrderPaid } from "../../modules/orders/mark-order-paid";
import { startOrderCheckout } from "../../modules/payments/start-checkout";
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from "../../modules/payments/stripe/webhook";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// The Stripe path end to end: the real SDK against a local Stripe-compatible
// server, signed webhooks delivered to the real route handler, a real database.
// The app reads its settings once, from the environment, when lib/env is first
// imported; so the server starts and the STRIPE_* variables are set here, hoisted
// above the imports by Vitest, and the app's own config parsing turns them into
// env.payments (pointing at the local server), exactly as in production.
const stripe = await vi.hoisted(async () => {
  const { startStripeMode } = await import("../support/stripe-server");
  return startStripeMode({
    secretKey: "sk_test_suoqianLocal",
    webhookSecret: "whsec_suoqianLocal",
    methods: ["card", "alipay", "wechat_pay"],
  });
});

const { server, secretKey, webhookSecret } = stripe;

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await db.$disconnect();
});

const provider = createStripeProvider({
  provider: "stripe",
  secretKey,
  webhookSecret,
  methods: ["card", "alipay", "wechat_pay"],
  apiUrl: server.url,
});

async function placeOrder(quantity: number, opts: { capacity?: number; locale?: string } = {}) {
  const { single, session } = await createSaleFixture(db, { capacity: opts.capacity ?? 10 });
  const created = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId: single.id, sessionId: session.id, quantity }], customer },
    { userId: null, locale: opts.locale ?? "zh-CN" },
  );
  return { order: created.order, single, session };
}

/** Starts Stripe Checkout for the order and returns the session the local server created. */
async function checkout(orderId: string) {
  const start = await startOrderCheckout(orderId, provider);
  if (start?.kind !== "redirect") throw new Error("no redirect");
  const session = [...server.sessions.values()].find((s) => s.client_reference_id === orderId);
  if (!session) throw new Error("no session");
  expect(start.url).toBe(session.url);
  return session;
}

function webhookRequest(payload: string, signature: string | null) {
  return new Request("http://127.0.0.1/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}) },
    body: payload,
  });
}

async function deliver(event: { id: string }) {
  const { payload, header } = server.signedEvent(event, webhookSecret);
  const response = await POST(webhookRequest(payload, header), {});
  return { status: response.status, body: await response.json() };
}

const orderRow = (id: string) => db.order.findUniqueOrThrow({ where: { id }, include: { tickets: true } });
const refundRequests = () => server.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");

describe("paying an order with Stripe Checkout", () => {
  it("reads its Stripe settings from the environment, pointed at the local server", () => {
    expect(env.payments).toMatchObject({ provider: "stripe", apiUrl: server.url, secretKey });
  });

  it("asks Stripe for a CNY session with the order's items, id and methods, once per order", async () => {
    const { order } = await placeOrder(2);
    const before = server.requests.length;
    const session = await checkout(order.id);
    const sent = server.requests.slice(before).find((r) => r.path === "/v1/checkout/sessions");
    expect(sent).toMatchObject({
      method: "POST",
      authorized: true,
      idempotencyKey: `checkout-${order.id}`,
      stripeVersion: Stripe.API_VERSION,
      params: {
        mode: "payment",
        client_reference_id: order.id,
        metadata: { orderId: order.id },
        payment_intent_data: { metadata: { orderId: order.id } },
        customer_email: customer.email,
        locale: "zh",
        allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
        payment_method_options: { wechat_pay: { client: "web" } },
        line_items: [
          { quantity: "2", price_data: { currency: "cny", unit_amount: "8800", product_data: { name: "入园票" } } },
        ],
        success_url: `${orderPageUrl(order.id, "zh-CN")}&checkout=success`,
        cancel_url: `${orderPageUrl(order.id, "zh-CN")}&checkout=cancelled`,
      },
    });
    expect(session).toMatchObject({ amount_total: 17_600, currency: "cny", status: "open" });
    expect(session.expires_at * 1000).toBeGreaterThan(Date.now() + 30 * 60_000);

    // A second click: Stripe replays the first answer for the same key and parameters.
    const again = await startOrderCheckout(order.id, provider);
    expect(again).toEqual({ kind: "redirect", url: session.url });
    expect([...server.sessions.values()].filter((s) => s.client_reference_id === order.id)).toHaveLength(1);
    const [first, second] = server.requests.filter((r) => r.idempotencyKey === `checkout-${order.id}`);
    expect(second?.params).toEqual(first?.params);
  });

  it("names the items and comes back to the English page for an order placed in English", async () => {
    const { order } = await placeOrder(1, { locale: "en" });
    const session = await checkout(order.id);
    expect(session.locale).toBe("en");
    expect(session.success_url).toBe(`${orderPageUrl(order.id, "en")}&checkout=success`);
    const sent = server.requests.find((r) => r.params.client_reference_id === order.id);
    expect(sent?.params.line_items).toEqual([
      { quantity: "1", price_data: { currency: "cny", unit_amount: "8800", product_data: { name: "Entry" } } },
    ]);
  });

  it("marks the order paid with its tickets when the signed checkout.session.completed arrives", async () => {
    const { order } = await placeOrder(2);
    const session = await checkout(order.id);
    const event = server.complete(session.id);
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, result: "paid" } });
    const paid = await orderRow(order.id);
    expect(paid.status).toBe("PAID");
    expect(paid.tickets).toHaveLength(2);
    expect(await db.payment.findUniqueOrThrow({ where: { providerRef: session.id } })).toMatchObject({
      orderId: order.id,
      provider: "STRIPE",
      paymentIntentId: server.sessions.get(session.id)?.payment_intent,
      amountCents: 17_600,
      currency: "CNY",
      status: "SUCCEEDED",
    });
    expect(await db.paymentEvent.findUnique({ where: { id: event.id } })).toMatchObject({ orderId: order.id });
    // Paid orders are not offered checkout again.
    expect(await startOrderCheckout(order.id, provider)).toBeNull();
  });

  it("changes the order once when the same event arrives ten times, even at once", async () => {
    const { order, session: festivalSession } = await placeOrder(3);
    const session = await checkout(order.id);
    const event = server.complete(session.id);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.result === "paid")).toHaveLength(1);
    expect(answers.filter((a) => a.body.result === "duplicate")).toHaveLength(9);
    expect((await deliver(event)).body.result).toBe("duplicate");
    expect((await orderRow(order.id)).tickets).toHaveLength(3);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(1);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: festivalSession.id } })).reserved).toBe(3);
  });

  it("waits for a delayed payment method's money before marking paid", async () => {
    const { order } = await placeOrder(1);
    const session = await checkout(order.id);
    expect((await deliver(server.complete(session.id, { delayed: true }))).body.result).toBe("awaiting_payment");
    expect((await orderRow(order.id)).status).toBe("PENDING");
    expect((await deliver(server.asyncPaymentSucceeded(session.id))).body.result).toBe("paid");
    expect((await orderRow(order.id)).tickets).toHaveLength(1);
  });

  it("keeps a paid order paid when an expiry arrives out of order", async () => {
    const { order } = await placeOrder(2);
    const session = await checkout(order.id);
    const completed = server.complete(session.id);
    await deliver(completed);
    const expired = server.expire(session.id);
    expect(await deliver(expired)).toEqual({ status: 200, body: { received: true, result: "recorded" } });
    expect((await deliver(expired)).status).toBe(200);
    const after = await orderRow(order.id);
    expect(after.status).toBe("PAID");
    expect(after.tickets.map((t) => t.status)).toEqual(["VALID", "VALID"]);
    expect(await db.paymentEvent.count({ where: { id: expired.id } })).toBe(1);
  });

  it("leaves a pending order to its hold when Stripe closes the unpaid session", async () => {
    const { order } = await placeOrder(1);
    const session = await checkout(order.id);
    expect((await deliver(server.expire(session.id))).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe("PENDING");
  });
});

describe("refunds", () => {
  it("refunds through Stripe a payment that arrives after the hold expired and the seats were sold again", async () => {
    const { order: late, single, session: festivalSession } = await placeOrder(2, { capacity: 2 });
    const session = await checkout(late.id);
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { sessionIds: [festivalSession.id] });
    const other = await createOrder(
      { items: [{ kind: "ticket", ticketTypeId: single.id, sessionId: festivalSession.id, quantity: 2 }], customer },
      { userId: null, locale: "zh-CN" },
    );
    await markOrderPaid({
      orderId: other.order.id,
      provider: "DEMO",
      providerRef: `demo_${other.order.id}`,
      amountCents: other.order.totalCents,
      currency: "CNY",
      eventId: `demo_evt_${other.order.id}`,
    });

    const event = server.complete(session.id);
    const paymentIntent = server.sessions.get(session.id)?.payment_intent;
    expect(await deliver(event)).toEqual({
      status: 200,
      body: { received: true, result: "refunded", refundedCents: 17_600 },
    });
    const payment = await db.payment.findUniqueOrThrow({
      where: { providerRef: session.id },
      include: { refunds: true },
    });
    expect(refundRequests()).toContainEqual(
      expect.objectContaining({
        authorized: true,
        idempotencyKey: `auto-refund-${payment.id}-17600`,
        params: {
          payment_intent: paymentIntent,
          amount: "17600",
          metadata: { paymentId: payment.id, reason: "sold_out" },
        },
      }),
    );
    const refund = server.refunds.find((r) => r.payment_intent === paymentIntent);
    expect(refund?.amount).toBe(17_600);
    expect(payment).toMatchObject({ status: "REFUNDED", refundedCents: 17_600 });
    expect(payment.refunds).toEqual([
      expect.objectContaining({ amountCents: 17_600, providerRef: refund?.id, reason: "sold_out" }),
    ]);
    const after = await orderRow(late.id);
    expect(after.status).toBe("EXPIRED");
    expect(after.tickets).toHaveLength(0);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: festivalSession.id } })).reserved).toBe(2);

    // Redelivered, and Stripe's own report of the refund: nothing more goes back.
    const requestsBefore = refundRequests().length;
    expect((await deliver(event)).body).toEqual({ received: true, result: "duplicate" });
    expect((await deliver(server.chargeRefundedEvent(paymentIntent ?? ""))).status).toBe(200);
    expect(refundRequests()).toHaveLength(requestsBefore);
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
    expect((await orderRow(late.id)).status).toBe("EXPIRED");
  });

  it("refunds a payment for an order cancelled before the money arrived", async () => {
    const { order } = await placeOrder(1);
    const session = await checkout(order.id);
    await cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } });
    expect((await deliver(server.complete(session.id))).body).toMatchObject({
      result: "refunded",
      refundedCents: 8800,
    });
    expect((await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } })).reason).toBe("cancelled");
    expect((await orderRow(order.id)).tickets).toHaveLength(0);
  });

  it("refunds an order once when a dashboard refund arrives before or after the payment", async () => {
    const { order, session: seats } = await placeOrder(2);
    const session = await checkout(order.id);
    const completed = server.complete(session.id);
    const paymentIntent = server.sessions.get(session.id)?.payment_intent ?? "";
    const refunded = server.dashboardRefund(paymentIntent, 17_600);

    // Before the payment is known: nothing written, and Stripe is asked to deliver it again.
    expect(await deliver(refunded)).toEqual({
      status: 409,
      body: { received: true, result: "payment_not_recorded", retry: true },
    });
    expect(await db.paymentEvent.count({ where: { id: refunded.id } })).toBe(0);

    expect((await deliver(completed)).body.result).toBe("paid");
    expect((await deliver(refunded)).body.result).toBe("recorded");
    for (const event of [refunded, completed, server.expire(session.id)])
      expect((await deliver(event)).status).toBe(200);

    const after = await orderRow(order.id);
    expect(after.status).toBe("REFUNDED");
    expect(after.tickets.map((t) => t.status)).toEqual(["REFUNDED", "REFUNDED"]);
    expect(await db.payment.findUniqueOrThrow({ where: { providerRef: session.id } })).toMatchObject({
      status: "REFUNDED",
      refundedCents: 17_600,
    });
    // The refunded seats are on sale again, once.
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: seats.id } })).reserved).toBe(0);
  });

  it("counts an organiser's refund once when Stripe reports it back", async () => {
    const { order } = await placeOrder(2);
    const session = await checkout(order.id);
    await deliver(server.complete(session.id));
    const paid = await orderRow(order.id);
    const result = await cancelOrder({
      orderId: order.id,
      ticketIds: [paid.tickets[0]?.id ?? ""],
      by: {
        kind: "staff",
        actor: await db.user.findUniqueOrThrow({
          where: { email: "admin@suoqian.test" },
          select: { id: true, email: true, role: true },
        }),
        scope: { all: true },
      },
    });
    expect(result).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedCents: 8800, refundPending: false });
    const paymentIntent = server.sessions.get(session.id)?.payment_intent ?? "";
    expect(refundRequests().at(-1)?.params).toMatchObject({ payment_intent: paymentIntent, amount: "8800" });
    expect((await deliver(server.chargeRefundedEvent(paymentIntent))).status).toBe(200);
    const after = await orderRow(order.id);
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.tickets.map((t) => t.status).sort()).toEqual(["REFUNDED", "VALID"]);
    expect(await db.payment.findUniqueOrThrow({ where: { providerRef: session.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      refundedCents: 8800,
    });
  });

  it("marks an order partially refunded when part of its money goes back, keeping its tickets", async () => {
    const { order } = await placeOrder(2);
    const session = await checkout(order.id);
    await deliver(server.complete(session.id));
    const paymentIntent = server.sessions.get(session.id)?.payment_intent ?? "";
    expect((await deliver(server.dashboardRefund(paymentIntent, 8800))).status).toBe(200);
    const after = await orderRow(order.id);
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.tickets.every((t) => t.status === "VALID")).toBe(true);
    expect((await db.payment.findUniqueOrThrow({ where: { providerRef: session.id } })).refundedCents).toBe(8800);
  });
});

describe("the webhook's door", () => {
  it("rejects a bad, missing or forged signature and writes nothing", async () => {
    const { order } = await placeOrder(1);
    const session = await checkout(order.id);
    const event = server.complete(session.id);
    const wrongSecret = server.signedEvent(event, "whsec_someoneElse");
    const good = server.signedEvent(event, webhookSecret);
    const tampered = good.payload.replace('"amount_total": 8800', '"amount_total": 1');
    expect(tampered).not.toBe(good.payload);
    for (const request of [
      webhookRequest(wrongSecret.payload, wrongSecret.header),
      webhookRequest(good.payload, null),
      webhookRequest(tampered, good.header),
      webhookRequest(good.payload, "t=1,v1=deadbeef"),
    ]) {
      const response = await POST(request, {});
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_signature" });
    }
    expect(await db.paymentEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await db.payment.count({ where: { orderId: order.id } })).toBe(0);
    expect((await orderRow(order.id)).status).toBe("PENDING");
  });

  it("acknowledges an event type it does not handle, and records nothing", async () => {
    const event = {
      id: `evt_test_other_${Date.now()}`,
      object: "event",
      type: "customer.created",
      data: { object: {} },
    };
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, result: "ignored" } });
    expect(await db.paymentEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("refuses a body over 1 MB", async () => {
    const payload = JSON.stringify({ id: "evt_big", padding: "x".repeat(MAX_WEBHOOK_BYTES) });
    const { header } = server.signedEvent({ id: "evt_big" }, webhookSecret);
    expect((await POST(webhookRequest(payload, header), {})).status).toBe(413);
  });

  it("does not exist when Stripe is not configured", async () => {
    const { payload, header } = server.signedEvent({ id: "evt_x" }, webhookSecret);
    expect((await handleStripeWebhook(webhookRequest(payload, header), { provider: "demo" })).status).toBe(404);
  });
});

describe("the local Stripe server", () => {
  const sdk = (key: string) =>
    new Stripe(key, { host: "127.0.0.1", port: new URL(server.url).port, protocol: "http", maxNetworkRetries: 0 });
  const params = (
    overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
  ): Stripe.Checkout.SessionCreateParams => ({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "cny", unit_amount: 100, product_data: { name: "x" } } }],
    success_url: "http://127.0.0.1/ok",
    ...overrides,
  });

  it("refuses a wrong API key as Stripe does", async () => {
    await expect(sdk("sk_test_wrong").checkout.sessions.create(params())).rejects.toMatchObject({
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
  });

  it("validates parameters as Stripe does", async () => {
    const client = sdk(secretKey);
    await expect(
      client.checkout.sessions.create(params({ expires_at: Math.floor(Date.now() / 1000) + 60 })),
    ).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "expires_at",
    });
    await expect(
      client.checkout.sessions.create(params({ allowed_payment_method_types: ["wechat_pay"] })),
    ).rejects.toMatchObject({
      param: "payment_method_options[wechat_pay][client]",
    });
    await expect(
      client.checkout.sessions.create({
        ...params(),
        payment_method_types: ["card"],
      } as Stripe.Checkout.SessionCreateParams),
    ).rejects.toMatchObject({
      param: "payment_method_types",
    });
    await expect(client.refunds.create({ payment_intent: "pi_unknown", amount: 1 })).rejects.toMatchObject({
      code: "resource_missing",
    });
  });

  it("replays an idempotent request and refuses its key for different parameters", async () => {
    const client = sdk(secretKey);
    const key = `key-${Date.now()}`;
    const first = await client.checkout.sessions.create(params(), { idempotencyKey: key });
    expect((await client.checkout.sessions.create(params(), { idempotencyKey: key })).id).toBe(first.id);
    expect((await client.checkout.sessions.retrieve(first.id)).id).toBe(first.id);
    await expect(
      client.checkout.sessions.create(params({ customer_email: "x@example.com" }), { idempotencyKey: key }),
    ).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
  });

  it("refuses to refund more than is left on the charge", async () => {
    const { order } = await placeOrder(1);
    const session = await checkout(order.id);
    server.complete(session.id);
    const paymentIntent = server.sessions.get(session.id)?.payment_intent ?? "";
    const client = sdk(secretKey);
    await client.refunds.create({ payment_intent: paymentIntent, amount: 8000 });
    await expect(client.refunds.create({ payment_intent: paymentIntent, amount: 801 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
  });
});
