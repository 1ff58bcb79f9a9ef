import { describe, expect, it } from "vitest";
import { isCalendarDate, shanghaiDateKey, shanghaiDay } from "./dates";

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
