import { describe, expect, it } from "vitest";
import { orderCalendar } from "./calendar";

const ticket = (sessionId: string, startsAt: string, endsAt: string) => ({
  sessionId,
  startsAt,
  endsAt,
  festival: { zh: "杜家杨梅节", en: "Dujia Bayberry Festival" },
  venue: { zh: "杭州生态园", en: "Hangzhou Ecological Park" },
  ticketType: { zh: "入园采摘票", en: "Entry with picking" },
});

describe("order calendar", () => {
  it("has one event per session, in UTC, with the venue and the order", () => {
    const ics = orderCalendar(
      {
        code: "SQ12345678",
        tickets: [
          ticket("s1", "2027-06-13T00:00:00.000Z", "2027-06-13T02:00:00.000Z"),
          ticket("s1", "2027-06-13T00:00:00.000Z", "2027-06-13T02:00:00.000Z"),
          ticket("s2", "2027-06-14T06:00:00.000Z", "2027-06-14T08:00:00.000Z"),
        ],
      },
      "zh",
      "https://example.cn/orders/x?token=y",
    );
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("DTSTART:20270613T000000Z");
    expect(ics).toContain("SUMMARY:杜家杨梅节");
    expect(ics).toContain("LOCATION:杭州生态园");
    expect(ics).toContain("UID:SQ12345678-s1@suoqian");
    expect(ics.replace(/\r\n /g, "")).toContain("订单 SQ12345678: 2 × 入园采摘票");
  });

  it("folds long Chinese lines at 75 octets, never inside a character", () => {
    const venue = { zh: "杭州市萧山区所前镇杜家村杭州生态园杨梅采摘园东门停车场旁", en: "Hangzhou Ecological Park" };
    const ics = orderCalendar(
      {
        code: "SQ12345678",
        tickets: [{ ...ticket("s1", "2027-06-13T00:00:00.000Z", "2027-06-13T02:00:00.000Z"), venue }],
      },
      "zh",
      "https://example.cn/orders/x?token=y",
    );
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect(ics).not.toContain("\uFFFD");
    expect(ics.replace(/\r\n /g, "")).toContain(`LOCATION:${venue.zh}\r\n`);
  });
});
