import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { momentParts } from "./session-time";

describe("a moment as its parts", () => {
  it("gives the day, the weekday and the time in Suoqian, in the reader's language", () => {
    // 2026-06-20 12:15 in Suoqian, a Saturday.
    const at = "2026-06-20T04:15:00.000Z";
    const zh = createFormatter({ locale: "zh-CN", timeZone: "Asia/Shanghai" });
    expect(momentParts(zh, at)).toEqual({ date: "6月20日", weekday: "周六", time: "12:15" });
    const en = createFormatter({ locale: "en", timeZone: "Asia/Shanghai" });
    expect(momentParts(en, new Date(at))).toEqual({ date: "June 20", weekday: "Sat", time: "12:15 PM" });
  });
});
