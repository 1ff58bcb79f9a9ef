import { afterAll, describe, expect, it, vi } from "vitest";

import { POST } from "../../app/api/webhooks/stripe/route";
import { createStripeProvider } from "../../lib/payments/stripe/provider";
import { createOrder } from "../../modules/orders/create-order";
import { lineRefundInputSchema } from "../../modules/orders/line-refund-rules";
import { type LineRefunder, refundOrderLine, retryLineRefund } from "../../modules/orders/refund-order-line";
import { startOrderCheckout } from "../../modules/payments/start-checkout";
import { buyer, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// A farmer's refund of a product line paid with Stripe: the real SDK against the
// local Stripe-compatible server (as in stripe.test.ts), the refund's id as the
// idempotency key, Stripe's own report of it counted once, and a refund Stripe
// did not take kept pending until it is retried.
const stripe = await vi.hoisted(async () => {
  const { startStripeMode } = await import("../support/stripe-server");
  return startStripeMode({
    secretKey: "sk_test_suoqianLineRefund",
    webhookSecret: "whsec_suoqianLineRefund",
    methods: ["card"],
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
  methods: ["card"],
  apiUrl: server.url,
});

async function deliver(event: { id: string }) {
  const { payload, header } = server.signedEvent(event, webhookSecret);
  const response = await POST(
    new Request("http://127.0.0.1/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body: payload,
    }),
    {},
  );
  return response.status;
}

const refundRequests = (key: string) =>
  server.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.idempotencyKey === key);

let n = 0;

/** A paid (through Stripe Checkout and its webhook) order of `quantity` units of the shop's product. */
async function paidWithStripe(shop: Awaited<ReturnType<typeof createShopFixture>>, quantity: number) {
  const created = await createOrder(
    {
      items: [
        { kind: "product", productId: shop.products[0]?.id ?? "", quantity, fulfilment: { method: "workshop_pickup" } },
      ],
      customer: buyer(90_000 + ++n),
    },
    { userId: null, locale: "zh-CN" },
  );
  const start = await startOrderCheckout(created.order.id, provider);
  expect(start?.kind).toBe("redirect");
  const session = [...server.sessions.values()].find((s) => s.client_reference_id === created.order.id);
  if (!session) throw new Error("no checkout session");
  expect(await deliver(server.complete(session.id))).toBe(200);
  const payment = await db.payment.findFirstOrThrow({ where: { orderId: created.order.id } });
  expect(payment).toMatchObject({ provider: "STRIPE", status: "SUCCEEDED" });
  const line = await db.orderItem.findFirstOrThrow({ where: { orderId: created.order.id } });
  return { orderId: created.order.id, payment, line };
}

describe("a product line's refund through Stripe", () => {
  it("asks Stripe once per refund, with its id as key, and counts Stripe's report of it once", async () => {
    const shop = await createShopFixture(db, [{ stock: 20, priceCents: 4000 }]);
    const farmer: LineRefunder = { kind: "farmer", farmer: shop.farmer, actor: shop.user };
    const { orderId, payment, line } = await paidWithStripe(shop, 3);

    const result = await refundOrderLine(
      farmer,
      lineRefundInputSchema.parse({ itemId: line.id, mode: "quantity", quantity: "1", reason: "spoiled" }),
    );
    expect(result).toMatchObject({ amountCents: 4000, refundPending: false, orderStatus: "PARTIALLY_REFUNDED" });
    const key = `refund-${result.refundId}`;
    expect(refundRequests(key)).toHaveLength(1);
    expect(refundRequests(key)[0]?.params).toMatchObject({
      payment_intent: payment.paymentIntentId,
      amount: "4000",
      // Stripe knows no "spoiled": our reason travels in the metadata.
      metadata: { paymentId: payment.id, reason: "spoiled" },
    });
    expect(refundRequests(key)[0]?.params.reason).toBeUndefined();
    const stripeRefund = server.refunds.find((r) => r.payment_intent === payment.paymentIntentId);
    expect(await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).toMatchObject({
      providerRef: stripeRefund?.id,
    });

    // A retry of a confirmed refund asks Stripe nothing; Stripe's report changes nothing more.
    await retryLineRefund(farmer, result.refundId);
    expect(refundRequests(key)).toHaveLength(1);
    expect(await deliver(server.chargeRefundedEvent(payment.paymentIntentId ?? ""))).toBe(200);
    const after = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: true } });
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.payments[0]).toMatchObject({ refundedCents: 4000, status: "PARTIALLY_REFUNDED" });
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
  });

  it("keeps a refund Stripe did not take pending, and pays it once when retried", async () => {
    const shop = await createShopFixture(db, [{ stock: 20, priceCents: 4000 }]);
    const farmer: LineRefunder = { kind: "farmer", farmer: shop.farmer, actor: shop.user };
    const { payment, line } = await paidWithStripe(shop, 2);
    // Stripe refuses the request (it does not know the payment): the refund is recorded, not confirmed.
    await db.payment.update({ where: { id: payment.id }, data: { paymentIntentId: "pi_unknown_to_stripe" } });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await refundOrderLine(
      farmer,
      lineRefundInputSchema.parse({ itemId: line.id, mode: "amount", amount: "12.50", reason: "short_weight" }),
    );
    expect(result).toMatchObject({ amountCents: 1250, refundPending: true });
    expect((await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).providerRef).toBeNull();
    const key = `refund-${result.refundId}`;
    expect(refundRequests(key)).toHaveLength(1);
    await expect(retryLineRefund(farmer, result.refundId)).rejects.toMatchObject({
      key: "lineRefund.errors.providerFailed",
    });

    await db.payment.update({ where: { id: payment.id }, data: { paymentIntentId: payment.paymentIntentId } });
    expect(await retryLineRefund(farmer, result.refundId)).toEqual({ confirmed: true });
    expect(await retryLineRefund(farmer, result.refundId)).toEqual({ confirmed: true });
    expect(refundRequests(key)).toHaveLength(3);
    const paidBack = server.refunds.filter((r) => r.payment_intent === payment.paymentIntentId);
    expect(paidBack.map((r) => r.amount)).toEqual([1250]);
    expect((await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).providerRef).toBe(paidBack[0]?.id);
  });
});
