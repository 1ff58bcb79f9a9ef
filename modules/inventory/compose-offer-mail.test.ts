import { describe, expect, it } from "vitest";
import { composeWaitlistOffer } from "./compose-offer-mail";

const entry = {
  customerName: `Tom & "Jerry" <script>`,
  quantity: 2,
  festival: { zh: "所前樱桃节", en: "Suoqian Cherry Festival" },
  ticketType: { zh: "采摘票", en: "Picking ticket" },
  session: { startsAt: new Date("2027-04-17T01:00:00Z"), endsAt: new Date("2027-04-17T03:00:00Z") },
};
const payUrl = "https://suoqian.example/en/orders/o1?token=xyz";

describe("the waiting-list offer mail", () => {
  it("offer the seats with the deadline and the pay link, escaping what visitors typed", () => {
    const offer = composeWaitlistOffer(entry, {
      locale: "en",
      orderCode: "SQABCD1234",
      totalCents: 17_600,
      currency: "CNY",
      expiresAt: new Date("2027-04-10T02:30:00Z"),
      payUrl,
    });
    expect(offer.subject).toBe("Suoqian: seats for Suoqian Cherry Festival are held for you");
    expect(offer.text).toContain("Picking ticket × 2");
    expect(offer.text).toContain("SQABCD1234");
    expect(offer.text).toContain("10:30");
    expect(offer.text).toContain(payUrl);
    expect(offer.html).not.toContain("<script>");
    expect(offer.html).toContain("Tom &amp; &quot;Jerry&quot; &lt;script&gt;");
  });
});
