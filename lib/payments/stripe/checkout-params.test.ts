import { describe, expect, it } from "vitest";
import type { CheckoutOrder } from "../types";
import { checkoutExpiresAt, checkoutSessionParams, stripeLocale } from "./checkout-params";

const now = new Date("2026-06-10T02:00:00Z");
const at = (d: Date) => Math.floor(d.getTime() / 1000);
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

const order: CheckoutOrder = {
  id: "ord_1",
  code: "ABCD2345",
  totalCents: 2 * 8800 + 19_800,
  currency: "CNY",
  customerEmail: "buyer@example.com",
  locale: "zh-CN",
  expiresAt: minutes(15),
  items: [
    { name: "入园票", quantity: 2, unitPriceCents: 8800 },
    { name: "家庭票", quantity: 1, unitPriceCents: 19_800 },
  ],
};
const urls = { successUrl: "https://suoqian.test/orders/ord_1?token=t&checkout=success", cancelUrl: "https://x/c" };

describe("checkoutExpiresAt", () => {
  it("keeps the session open 31 minutes past the order's hold", () => {
    expect(checkoutExpiresAt(minutes(15), now)).toBe(at(minutes(15 + 31)));
  });

  it("does not depend on when it is asked while the order is held, so Stripe can replay the request", () => {
    expect(checkoutExpiresAt(minutes(15), minutes(14))).toBe(checkoutExpiresAt(minutes(15), now));
  });

  it("stays within the 30 minutes to 24 hours Stripe accepts", () => {
    expect(checkoutExpiresAt(minutes(-60), now)).toBe(at(minutes(31)));
    expect(checkoutExpiresAt(minutes(3 * 24 * 60), now)).toBe(at(minutes(24 * 60 - 1)));
  });
});

describe("stripeLocale", () => {
  it("shows Stripe Checkout in the order's language", () => {
    expect(stripeLocale("zh-CN")).toBe("zh");
    expect(stripeLocale("en")).toBe("en");
  });
});

describe("checkoutSessionParams", () => {
  it("asks for the order's items in lower-case CNY, with the order id and the configured methods", () => {
    const params = checkoutSessionParams(order, urls, ["card", "alipay", "wechat_pay"], now);
    expect(params).toMatchObject({
      mode: "payment",
      client_reference_id: "ord_1",
      metadata: { orderId: "ord_1" },
      payment_intent_data: { metadata: { orderId: "ord_1" } },
      customer_email: "buyer@example.com",
      locale: "zh",
      allowed_payment_method_types: ["card", "alipay", "wechat_pay"],
      payment_method_options: { wechat_pay: { client: "web" } },
      success_url: urls.successUrl,
      cancel_url: urls.cancelUrl,
    });
    expect(params.line_items).toEqual([
      { quantity: 2, price_data: { currency: "cny", unit_amount: 8800, product_data: { name: "入园票" } } },
      { quantity: 1, price_data: { currency: "cny", unit_amount: 19_800, product_data: { name: "家庭票" } } },
    ]);
  });

  it("sends WeChat Pay options only when WeChat Pay is offered", () => {
    expect(checkoutSessionParams(order, urls, ["card"], now).payment_method_options).toBeUndefined();
  });

  it("refuses an order whose items do not add up to its total", () => {
    expect(() => checkoutSessionParams({ ...order, totalCents: 1 }, urls, ["card"], now)).toThrow(/add up/);
  });
});
