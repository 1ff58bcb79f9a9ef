import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import { reminderWindow } from "./reminder-window";

describe("the evening-before reminder's window", () => {
  it("is open from 18:00 until quiet hours at 21:00, in Suoqian's time", () => {
    expect(reminderWindow(new Date(shanghaiTime(2027, 6, 11, 18, 0).getTime() - 1))).toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 18, 0))).not.toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 20, 59))).not.toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 21, 0))).toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 9, 0))).toBeNull();
  });

  it("covers the sessions of the next calendar day in Suoqian", () => {
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 19, 30))).toEqual({
      sessionsFrom: shanghaiTime(2027, 6, 12),
      sessionsUntil: shanghaiTime(2027, 6, 13),
      today: shanghaiTime(2027, 6, 11),
      evening: shanghaiTime(2027, 6, 11, 18, 0),
    });
  });

  it("crosses a month's and a year's end", () => {
    expect(reminderWindow(shanghaiTime(2027, 12, 31, 18, 5))?.sessionsFrom).toEqual(shanghaiTime(2028, 1, 1));
    expect(reminderWindow(shanghaiTime(2027, 6, 30, 20, 0))?.sessionsUntil).toEqual(shanghaiTime(2027, 7, 2));
  });
});

describe("other reminder hours (TEXT_REMINDER_HOURS)", () => {
  it("opens and closes at the hours given, and counts orders paid from their first hour as just texted", () => {
    const morning = { from: 9, until: 12 };
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 8, 59), morning)).toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 9, 0), morning)?.evening).toEqual(shanghaiTime(2027, 6, 11, 9));
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 12, 0), morning)).toBeNull();
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 19, 0), morning)).toBeNull();
    const allDay = { from: 0, until: 24 };
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 0, 0), allDay)?.sessionsFrom).toEqual(shanghaiTime(2027, 6, 12));
    expect(reminderWindow(shanghaiTime(2027, 6, 11, 23, 59), allDay)?.sessionsFrom).toEqual(shanghaiTime(2027, 6, 12));
  });
});
