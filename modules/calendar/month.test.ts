import { describe, expect, it } from "vitest";
import { addMonths, dateKeyOf, daysInMonth, monthKey, monthOf, monthRange, parseMonth } from "./month";

describe("months in the URL", () => {
  it("reads ?month=YYYY-MM", () => {
    expect(parseMonth("2027-06")).toEqual({ year: 2027, month: 6 });
    expect(monthKey({ year: 2027, month: 6 })).toBe("2027-06");
  });

  it("refuses anything else, so the page falls back instead of failing", () => {
    for (const bad of [
      "2027-13",
      "2027-00",
      "2027-6",
      "27-06",
      "2027-06-01",
      " 2027-06",
      "1999-12",
      "2100-01",
      "",
      "%",
    ]) {
      expect(parseMonth(bad), bad).toBeNull();
    }
    expect(parseMonth(["2027-06", "2027-07"])).toBeNull();
    expect(parseMonth(undefined)).toBeNull();
  });
});

describe("Suoqian months", () => {
  it("steps across New Year both ways", () => {
    expect(addMonths({ year: 2027, month: 12 }, 1)).toEqual({ year: 2028, month: 1 });
    expect(addMonths({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
    expect(addMonths({ year: 2027, month: 6 }, 14)).toEqual({ year: 2028, month: 8 });
  });

  it("counts a month from its first midnight at UTC+8", () => {
    const { start, end } = monthRange({ year: 2027, month: 7 });
    expect(start.toISOString()).toBe("2027-06-30T16:00:00.000Z");
    expect(end.toISOString()).toBe("2027-07-31T16:00:00.000Z");
    expect(monthOf(new Date("2027-06-30T16:30:00Z"))).toEqual({ year: 2027, month: 7 });
    expect(dateKeyOf(new Date("2027-06-30T15:59:00Z"))).toBe("2027-06-30");
  });

  it("knows the length of February", () => {
    expect(daysInMonth({ year: 2028, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2027, month: 2 })).toBe(28);
  });
});
