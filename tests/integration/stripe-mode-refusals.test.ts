import { afterAll, describe, expect, it, vi } from "vitest";

// With Stripe configured, only Stripe's signed webhook may mark an order paid.
// The settings are read once, when lib/env is first imported: set them first.
const stripe = await vi.hoisted(async () => {
  const { startStripeMode } = await import("../support/stripe-server");
  return startStripeMode({
    secretKey: "sk_test_suoqianRefusals",
    webhookSecret: "whsec_suoqianRefusals",
    methods: ["card", "alipay", "wechat_pay"],
  });
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});

import { env } from "../../lib/env";
import { createOrder } from "../../modules/orders/create-order";
import { demoPaymentAction } from "../../modules/payments/actions";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(async () => {
  vi.unstubAllEnvs();
  await stripe.server.close();
  await db.$disconnect();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("demo payments with Stripe configured", () => {
  it("refuses the demo payment action called directly with the order's token: nothing is paid or issued", async () => {
    expect(env.payments.provider).toBe("stripe");
    const sale = await createSaleFixture(db, { capacity: 10 });
    const created = await createOrder(
      { items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 2 }], customer },
      { userId: null, locale: "zh-CN" },
    );
    const answer = await demoPaymentAction(
      { status: "idle" },
      form({ orderId: created.order.id, token: created.accessToken, decision: "pay" }),
    );
    expect(answer).toMatchObject({ status: "error", message: "本站已启用在线支付，演示支付不可用。" });
    const order = await db.order.findUniqueOrThrow({
      where: { id: created.order.id },
      include: { tickets: true, payments: true },
    });
    expect(order.status).toBe("PENDING");
    expect(order.tickets).toHaveLength(0);
    expect(order.payments).toHaveLength(0);
    expect(await db.paymentEvent.count({ where: { orderId: order.id } })).toBe(0);
    // Stripe saw no request for it either.
    expect(stripe.server.requests).toHaveLength(0);
  });
});
