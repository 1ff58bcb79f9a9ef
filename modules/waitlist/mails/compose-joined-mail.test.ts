import { describe, expect, it } from "vitest";
import { composeWaitlistJoined } from "./compose-joined-mail";

const entry = {
  customerName: `Tom & "Jerry" <script>`,
  quantity: 2,
  festival: { zh: "所前樱桃节", en: "Suoqian Cherry Festival" },
  ticketType: { zh: "采摘票", en: "Picking ticket" },
  session: { startsAt: new Date("2027-04-17T01:00:00Z"), endsAt: new Date("2027-04-17T03:00:00Z") },
};
const leaveUrl = "https://suoqian.example/festivals/cherry/waitlist/e1?token=abc_DEF-123";

describe("the waiting-list joining mail", () => {
  it("confirm the place and carry the leave link, in the entry's language and Suoqian's time", () => {
    const zh = composeWaitlistJoined(entry, { locale: "zh-CN", position: 3, offerMinutes: 30, leaveUrl });
    expect(zh.subject).toBe("所前游 · 已加入「所前樱桃节」候补名单");
    expect(zh.text).toContain("第 3 位");
    expect(zh.text).toContain("30 分钟");
    expect(zh.text).toContain("采摘票 × 2");
    expect(zh.text).toContain("09:00");
    expect(zh.text).toContain(leaveUrl);
    const en = composeWaitlistJoined(entry, { locale: "en", position: 3, offerMinutes: 45, leaveUrl });
    expect(en.text).toContain("number 3");
    expect(en.text).toContain("45 minutes");
  });
});
