import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import { quietHoursEnd } from "./quiet-hours";

describe("quiet hours (21:00–08:00 in Suoqian)", () => {
  it("lets a text go at once in the day, from 08:00 up to 20:59", () => {
    expect(quietHoursEnd(shanghaiTime(2027, 6, 11, 8, 0), "tickets")).toBeNull();
    expect(quietHoursEnd(shanghaiTime(2027, 6, 11, 13, 30), "refund")).toBeNull();
    expect(quietHoursEnd(new Date(shanghaiTime(2027, 6, 11, 21, 0).getTime() - 1), "reminder")).toBeNull();
  });

  it("holds a text written from 21:00 until 08:00 the next morning", () => {
    expect(quietHoursEnd(shanghaiTime(2027, 6, 11, 21, 0), "tickets")).toEqual(shanghaiTime(2027, 6, 12, 8, 0));
    expect(quietHoursEnd(shanghaiTime(2027, 6, 11, 23, 59), "waitlistOffer")).toEqual(shanghaiTime(2027, 6, 12, 8, 0));
  });

  it("holds a text written after midnight until 08:00 the same morning", () => {
    expect(quietHoursEnd(shanghaiTime(2027, 6, 12, 0, 0), "farmerOrder")).toEqual(shanghaiTime(2027, 6, 12, 8, 0));
    expect(quietHoursEnd(new Date(shanghaiTime(2027, 6, 12, 8, 0).getTime() - 1), "refund")).toEqual(
      shanghaiTime(2027, 6, 12, 8, 0),
    );
  });

  it("crosses the end of a month and of a year in Suoqian's calendar, not UTC's", () => {
    // 22:00 on 31 December in Suoqian is 14:00 UTC the same day.
    expect(quietHoursEnd(shanghaiTime(2027, 12, 31, 22, 0), "tickets")).toEqual(shanghaiTime(2028, 1, 1, 8, 0));
    expect(quietHoursEnd(shanghaiTime(2027, 6, 30, 21, 30), "tickets")).toEqual(shanghaiTime(2027, 7, 1, 8, 0));
  });

  it("never holds a verification code", () => {
    expect(quietHoursEnd(shanghaiTime(2027, 6, 11, 23, 0), "code")).toBeNull();
    expect(quietHoursEnd(shanghaiTime(2027, 6, 12, 3, 0), "code")).toBeNull();
  });
});
