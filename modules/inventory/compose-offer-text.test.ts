import { describe, expect, it } from "vitest";
import { composeWaitlistOfferText } from "./compose-offer-text";

const siteUrl = "https://suoqian.example";
const link = "o/SQ7K3M9PQ2/ABCDEFGHJKMN";
const offer = {
  festival: { zh: "所前樱桃节", en: "Suoqian Cherry Festival" },
  // 02:30 UTC is 10:30 in Suoqian.
  deadline: new Date("2027-04-10T02:30:00Z"),
  link,
};

describe("the waiting-list offer text", () => {
  it("says which festival's seats are held and until when to pay, in Suoqian's time, with the short link", () => {
    const zh = composeWaitlistOfferText(offer, { locale: "zh-CN", siteUrl });
    expect(zh.params).toEqual({ festival: "所前樱桃节", deadline: "4月10日 10:30", link });
    expect(zh.text).toBe(
      `【所前游】候补有票了！所前樱桃节的票已为您保留，请在4月10日 10:30前付款，逾期将转给下一位候补：${siteUrl}/${link}`,
    );
  });

  it("is in English for a visitor who reads English", () => {
    const en = composeWaitlistOfferText(offer, { locale: "en", siteUrl });
    expect(en.params).toEqual({ festival: "Suoqian Cherry Festival", deadline: "10 Apr 10:30", link });
    expect(en.text).toContain("Pay by 10 Apr 10:30 (Beijing time)");
    expect(en.text).toContain(`${siteUrl}/${link}`);
  });
});
