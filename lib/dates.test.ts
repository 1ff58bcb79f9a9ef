import { describe, expect, it } from "vitest";
import { isCalendarDate, parseWallMinute, shanghaiDateKey, shanghaiDay } from "./dates";

describe("Suoqian calendar days", () => {
  it("names the day of an instant in Suoqian, not in UTC", () => {
    // 17:30 UTC on 12 June is 01:30 on 13 June in Suoqian.
    expect(shanghaiDateKey(new Date("2027-06-12T17:30:00Z"))).toBe("2027-06-13");
    expect(shanghaiDateKey(new Date("2027-06-12T15:59:59Z"))).toBe("2027-06-12");
  });

  it("turns a day into the instants it runs between, across a month's end", () => {
    expect(shanghaiDay("2027-06-30")).toEqual({
      start: new Date("2027-06-29T16:00:00Z"),
      end: new Date("2027-06-30T16:00:00Z"),
    });
    const day = shanghaiDay(shanghaiDateKey(new Date("2027-06-12T17:30:00Z")));
    expect(day.start.toISOString()).toBe("2027-06-12T16:00:00.000Z");
  });

  it("takes only dates that exist, written YYYY-MM-DD", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2027-02-29", "2027-13-01", "2027-6-1", "2027-06-01T00:00", "", "tomorrow"]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

describe("a Suoqian wall time to the minute", () => {
  it("reads exactly YYYY-MM-DDTHH:MM as Suoqian time, and nothing else", () => {
    expect(parseWallMinute("2026-06-20T12:15")?.toISOString()).toBe("2026-06-20T04:15:00.000Z");
    expect(parseWallMinute("2026-06-20T00:00")?.toISOString()).toBe("2026-06-19T16:00:00.000Z");
    for (const text of [
      "2026-06-20 12:15",
      "2026-06-20T12:15:00",
      "2026-06-20T12:15Z",
      "2026-06-20T12:15+08:00",
      " 2026-06-20T12:15",
      "2026-02-30T12:00",
      "2026-06-20T24:00",
      "2026-06-20T12:60",
      "2026-6-20T12:15",
      "",
    ]) {
      expect(parseWallMinute(text), text).toBeNull();
    }
  });
});
