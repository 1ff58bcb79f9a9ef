import { describe, expect, it } from "vitest";
import { MAX_PARAM_LENGTH } from "@/lib/sms/format";
import {
  composeFarmerOrderText,
  composeRefundText,
  composeReminderText,
  composeTicketsText,
} from "./compose-order-texts";

const siteUrl = "https://suoqian.example";
const link = "o/SQ7K3M9PQ2/ABCDEFGHJKMN";
const fits = (params: Record<string, string>) =>
  Object.values(params).every((value) => [...value].length <= MAX_PARAM_LENGTH);

describe("the order's texts", () => {
  it("tell the buyer of a paid order how many e-tickets, their codes and the short link, in Chinese", () => {
    const text = composeTicketsText(
      { code: "SQ7K3M9PQ2", ticketCodes: ["AAAA111122", "BBBB222233"], link },
      { locale: "zh-CN", siteUrl },
    );
    expect(text.params).toEqual({ order: "SQ7K3M9PQ2", count: "2", codes: "AAAA111122、BBBB222233", link });
    expect(text.text).toBe(
      `【所前游】订单SQ7K3M9PQ2已支付，共2张电子票，票码AAAA111122、BBBB222233。入场请出示二维码：${siteUrl}/${link}`,
    );
  });

  it("name at most three ticket codes, within a template variable's 35 characters, and say there are more", () => {
    const codes = ["AAAA111122", "BBBB222233", "CCCC333344", "DDDD444455"];
    const text = composeTicketsText({ code: "SQ7K3M9PQ2", ticketCodes: codes, link }, { locale: "en", siteUrl });
    expect(text.params.codes).toBe("AAAA111122, BBBB222233, CCCC333344…");
    expect(text.params.count).toBe("4");
    expect(fits(text.params)).toBe(true);
    expect(text.text).toContain("[Suoqian Trips] Order SQ7K3M9PQ2 is paid: 4 e-ticket(s)");
    expect(text.text).toContain(`${siteUrl}/${link}`);
  });

  it("remind the evening before with the festival and the start in Suoqian's time", () => {
    const session = {
      festival: { zh: "所前杨梅节", en: "Suoqian Bayberry Festival" },
      startsAt: new Date("2027-06-12T01:00:00Z"),
      link,
    };
    const zh = composeReminderText(session, { locale: "zh-CN", siteUrl });
    expect(zh.params).toEqual({ festival: "所前杨梅节", time: "6月12日 09:00", link });
    expect(zh.text).toBe(
      `【所前游】提醒：您预订的所前杨梅节将于6月12日 09:00开场，入场请出示电子票二维码：${siteUrl}/${link}`,
    );
    const en = composeReminderText(session, { locale: "en", siteUrl });
    expect(en.params.festival).toBe("Suoqian Bayberry Festival");
    expect(en.text).toContain("Suoqian Bayberry Festival starts 12 Jun 09:00 (Beijing time)");
  });

  it("cut a festival name longer than a template variable takes", () => {
    const festival = { zh: "所".repeat(50), en: "A very long festival name that no template variable could ever hold" };
    const text = composeReminderText({ festival, startsAt: new Date(), link }, { locale: "en", siteUrl });
    expect(fits(text.params)).toBe(true);
    expect(text.params.festival?.endsWith("…")).toBe(true);
  });

  it("say how much was refunded on which order, in the buyer's money format", () => {
    expect(
      composeRefundText({ orderCode: "SQ7K3M9PQ2", amountCents: 17_600, currency: "CNY" }, { locale: "zh-CN" }),
    ).toEqual({
      params: { order: "SQ7K3M9PQ2", amount: "¥176.00" },
      text: "【所前游】订单SQ7K3M9PQ2已退款¥176.00，将原路退回您的付款账户，请留意到账。",
    });
    expect(
      composeRefundText({ orderCode: "SQ7K3M9PQ2", amountCents: 8_800, currency: "CNY" }, { locale: "en" }).text,
    ).toBe("[Suoqian Trips] Order SQ7K3M9PQ2: CN¥88.00 has been refunded to the account you paid with.");
  });

  it("tell a farmer which of their products an order just paid holds, and how many of each", () => {
    const lines = [
      { name: { zh: "东魁杨梅", en: "Dongkui bayberries" }, quantity: 2, unit: "JIN" as const },
      { name: { zh: "笋干", en: "Bamboo shoots" }, quantity: 1, unit: "BOX" as const },
    ];
    const zh = composeFarmerOrderText({ code: "SQ7K3M9PQ2", lines }, { locale: "zh-CN" });
    expect(zh.params).toEqual({ product: "东魁杨梅、笋干", quantity: "2斤、1箱", order: "SQ7K3M9PQ2" });
    expect(zh.text).toBe(
      "【所前游】您有新的已付款订单SQ7K3M9PQ2：东魁杨梅、笋干，2斤、1箱。请登录农户后台查看并备货。",
    );
    const en = composeFarmerOrderText({ code: "SQ7K3M9PQ2", lines }, { locale: "en" });
    expect(en.params).toEqual({
      product: "Dongkui bayberries, Bamboo shoots",
      quantity: "2 jin, 1 box",
      order: "SQ7K3M9PQ2",
    });
    const many = Array.from({ length: 6 }, (_, i) => ({
      name: { zh: `杨梅${i}号`, en: `Bayberry no. ${i}` },
      quantity: 12,
      unit: "JIN" as const,
    }));
    expect(fits(composeFarmerOrderText({ code: "SQ7K3M9PQ2", lines: many }, { locale: "en" }).params)).toBe(true);
  });
});
