import { describe, expect, it } from "vitest";
import { composeLineRefundMail } from "./compose-line-refund";

const refund = {
  order: { code: "SQ7K2M9P", customerName: `王 <b>小明</b>`, currency: "CNY" },
  farmer: "杜家杨梅园",
  product: { zh: "东魁杨梅", en: "Dongkui bayberries" },
  unit: "JIN" as const,
  quantity: 2,
  amountCents: 6000,
  reason: "spoiled" as const,
  note: "雨淋坏了",
};
const orderUrl = "https://suoqian.example/orders/abc?token=t&x=1";

describe("the buyer's mail about a refunded product line", () => {
  it("says what, how much and why, with the order link, in the order's language", () => {
    const zh = composeLineRefundMail(refund, { locale: "zh-CN", orderUrl });
    expect(zh.subject).toBe("所前游 · 订单 SQ7K2M9P 退款 ¥60.00");
    expect(zh.text).toContain("东魁杨梅：退回 2 斤，退款 ¥60.00");
    expect(zh.text).toContain("原因：品质问题");
    expect(zh.text).toContain("说明：雨淋坏了");
    expect(zh.text).toContain(orderUrl);
    const en = composeLineRefundMail(
      { ...refund, quantity: 0, amountCents: 550, reason: "short_weight", note: null },
      {
        locale: "en",
        orderUrl,
      },
    );
    expect(en.subject).toBe("Suoqian: CN¥5.50 refunded on order SQ7K2M9P");
    expect(en.text).toContain("Dongkui bayberries: CN¥5.50 refunded");
    expect(en.text).toContain("Reason: Short weight");
    expect(en.text).not.toContain("Note:");
  });

  it("escapes the buyer's name in the HTML", () => {
    const { html } = composeLineRefundMail(refund, { locale: "zh-CN", orderUrl });
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;");
  });
});
