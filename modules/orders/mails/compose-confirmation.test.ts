import { describe, expect, it } from "vitest";
import { type ConfirmationOrder, composeOrderConfirmation, groupCode } from "./compose-confirmation";

const festival = {
  name: { zh: "杨梅节 <第一届>", en: "Bayberry festival <1st>" },
  venue: { zh: "杜家村", en: "Dujia village" },
  cancellationCutoffHours: 24,
};

// Saturday 20 June 2026, 09:00–11:00 in Suoqian (01:00–03:00 UTC).
const order: ConfirmationOrder = {
  code: "K7M2Q9",
  customerName: `Tom & "Jerry" <script>`,
  totalCents: 17600,
  currency: "CNY",
  items: [
    {
      id: "item1",
      name: { zh: "入园票", en: "Entry" },
      quantity: 2,
      totalCents: 17600,
      session: {
        id: "s1",
        startsAt: new Date("2026-06-20T01:00:00Z"),
        endsAt: new Date("2026-06-20T03:00:00Z"),
        festival,
      },
    },
  ],
  tickets: [
    { code: "ABCD2345XY", orderItemId: "item1" },
    { code: "QRST6789ZZ", orderItemId: "item1" },
  ],
};

const url = "https://suoqian.test/orders/abc?token=t0k&x=1";

describe("the order confirmation", () => {
  it("groups ticket codes for typing, as the ticket card does", () => {
    expect(groupCode("ABCD2345XY")).toBe("ABCD-2345-XY");
    const { text } = composeOrderConfirmation(order, { locale: "zh-CN", orderUrl: url, now: new Date("2026-06-01") });
    expect(text).toContain("ABCD-2345-XY");
    expect(text).toContain("QRST-6789-ZZ");
  });

  it("gives session times and the cancellation cut-off in Suoqian time", () => {
    const { text } = composeOrderConfirmation(order, { locale: "en", orderUrl: url, now: new Date("2026-06-01") });
    expect(text).toMatch(/Saturday, June 20, 2026.*9:00\s?AM–11:00\s?AM \(China time\)/);
    expect(text).toMatch(/cancel for a refund until Jun 19, 2026, 9:00\s?AM/);
    const late = composeOrderConfirmation(order, {
      locale: "en",
      orderUrl: url,
      now: new Date("2026-06-19T12:00:00Z"),
    });
    expect(late.text).toMatch(/Cancellation closed at Jun 19, 2026, 9:00\s?AM/);
  });

  it("escapes every value in the HTML, including the link", () => {
    const { html, text } = composeOrderConfirmation(order, { locale: "zh-CN", orderUrl: url });
    expect(text).toContain(`Tom & "Jerry" <script>`);
    expect(html).not.toContain("<script>");
    expect(html).toContain("Tom &amp; &quot;Jerry&quot; &lt;script&gt;");
    expect(html).toContain("杨梅节 &lt;第一届&gt;");
    expect(html).toContain('href="https://suoqian.test/orders/abc?token=t0k&amp;x=1"');
    expect(html).not.toMatch(/<img/);
  });

  it("is written in the order's language", () => {
    const zh = composeOrderConfirmation(order, { locale: "zh-CN", orderUrl: url });
    expect(zh.subject).toBe("所前游 · 订单 K7M2Q9 已支付，电子票已出");
    expect(zh.text).toContain("入园票 × 2：¥176.00");
    expect(zh.text).toContain("2026年6月20日星期六");
    const en = composeOrderConfirmation(order, { locale: "en", orderUrl: url });
    expect(en.text).toContain("Entry × 2: CN¥176.00");
    expect(en.text).toContain("Venue: Dujia village");
  });
});

describe("the order confirmation of workshop products", () => {
  const produce: ConfirmationOrder = {
    code: "P4N7W2",
    customerName: "王小明",
    totalCents: 2 * 6800 + 1500,
    currency: "CNY",
    items: [
      {
        id: "p1",
        name: { zh: "东魁杨梅", en: "Dongkui bayberries" },
        quantity: 2,
        totalCents: 13600,
        session: null,
        fulfilment: {
          workshop: { zh: "杜家杨梅共富工坊", en: "Dujia Bayberry Workshop" },
          openingHours: { zh: "每天 8:00–17:00", en: "Daily 8:00–17:00" },
          method: "DELIVERY",
          pickupSession: null,
          address: {
            name: "王小明",
            phone: "13800138000",
            province: "浙江省",
            city: "杭州市",
            district: "萧山区",
            street: "所前镇 1 号",
          },
          deliveryFeeCents: 1500,
        },
      },
    ],
    tickets: [],
  };

  it("says how each workshop's products reach the buyer, with the courier fee, and promises no tickets", () => {
    const { subject, text, html } = composeOrderConfirmation(produce, { locale: "zh-CN", orderUrl: url });
    expect(subject).toBe("所前游 · 订单 P4N7W2 已支付");
    expect(text).toContain("■ 杜家杨梅共富工坊");
    expect(text).toContain("东魁杨梅 × 2");
    expect(text).toContain("快递至：浙江省 杭州市 萧山区 所前镇 1 号（王小明）");
    expect(text).toContain("运费：");
    expect(text).not.toContain("电子票");
    expect(text).not.toContain("其他商品");
    expect(html).toContain("杜家杨梅共富工坊");
  });

  it("names the festival session for pickup at the gate, in Suoqian time", () => {
    const first = produce.items[0];
    if (!first?.fulfilment) throw new Error("fixture");
    const atGate: ConfirmationOrder = {
      ...produce,
      items: [
        {
          ...first,
          fulfilment: {
            ...first.fulfilment,
            method: "FESTIVAL_PICKUP",
            address: null,
            deliveryFeeCents: 0,
            pickupSession: {
              startsAt: new Date("2026-06-20T01:00:00Z"),
              endsAt: new Date("2026-06-20T03:00:00Z"),
              festival: { zh: "杨梅节", en: "Bayberry festival" },
            },
          },
        },
      ],
    };
    const { text } = composeOrderConfirmation(atGate, { locale: "en", orderUrl: url });
    expect(text).toMatch(/Pick up at the Bayberry festival gate: Jun 20, 2026, 9:00\s?AM/);
    expect(text).not.toContain("Delivery:");
  });
});
