import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import { clipParam, textDateTime } from "./format";

describe("how texts write their values", () => {
  it("write a date and time in Suoqian's time, short, in the reader's language", () => {
    // 01:00 UTC is 09:00 in Suoqian.
    expect(textDateTime("zh-CN", new Date("2027-06-12T01:00:00Z"))).toBe("6月12日 09:00");
    expect(textDateTime("en", new Date("2027-06-12T01:00:00Z"))).toBe("12 Jun 09:00");
    // 23:30 in Suoqian is still the 31st there, already the 1st nowhere else.
    expect(textDateTime("zh-CN", shanghaiTime(2027, 12, 31, 23, 30))).toBe("12月31日 23:30");
  });

  it("cut a parameter to the 35 characters a template variable holds, counting a Chinese character as one", () => {
    expect(clipParam("所前杨梅节")).toBe("所前杨梅节");
    const long = "杨".repeat(40);
    expect(clipParam(long)).toHaveLength(35);
    expect(clipParam(long).endsWith("…")).toBe(true);
    expect(clipParam("a".repeat(35))).toBe("a".repeat(35));
  });
});
