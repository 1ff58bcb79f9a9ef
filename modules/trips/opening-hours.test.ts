import { describe, expect, it } from "vitest";
import { parseOpeningHours } from "./opening-hours";

describe("parseOpeningHours", () => {
  it("reads the usual daily window of the town's workshops", () => {
    expect(
      parseOpeningHours("每天 8:00–17:00（杨梅季 7:00–18:00）", "Daily 8:00–17:00 (7:00–18:00 in bayberry season)"),
    ).toEqual({ opens: 480, closes: 1020, closedWeekdays: [] });
    expect(parseOpeningHours("每天 8:30-17:00")).toEqual({ opens: 510, closes: 1020, closedWeekdays: [] });
  });

  it("reads the weekday a workshop is closed, in either language", () => {
    expect(
      parseOpeningHours("周二至周日 9:00–17:00（周一休息）", "Tuesday–Sunday 9:00–17:00 (closed Mondays)"),
    ).toEqual({
      opens: 540,
      closes: 1020,
      closedWeekdays: [1],
    });
    expect(parseOpeningHours("", "Daily 9:00–16:00, closed on Sundays")?.closedWeekdays).toEqual([0]);
  });

  it("gives no window for text it cannot read, so no false warning", () => {
    expect(parseOpeningHours("请电话预约")).toBeNull();
    expect(parseOpeningHours("17:00–8:00")).toBeNull();
    expect(parseOpeningHours("")).toBeNull();
  });
});
