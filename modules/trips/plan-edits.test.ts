import { describe, expect, it } from "vitest";
import { firstPlanDay, newPlan, nextFestival, nextSaturday, planOnDay } from "./plan-edits";
import type { PlannerCatalogue } from "./types";

type Festival = PlannerCatalogue["festivals"][number];

/** A festival with sessions starting at the given Suoqian wall times ("YYYY-MM-DDTHH:MM"). */
function festival(slug: string, starts: string[]): Festival {
  return {
    slug,
    name: { zh: `${slug}节`, en: `${slug} festival` },
    maxTicketsPerOrder: 10,
    ticketType: null,
    sessions: starts.map((start, i) => {
      const at = new Date(`${start}:00+08:00`);
      return {
        id: `${slug}-${i}`,
        startsAt: at.toISOString(),
        endsAt: new Date(at.getTime() + 2 * 3_600_000).toISOString(),
        label: null,
      };
    }),
  };
}

// 2026-06-10 is a Wednesday; the 13th and 20th are Saturdays, the 14th and 21st Sundays.
const WEDNESDAY = "2026-06-10";

describe("the day a new plan opens on", () => {
  it("is the next Saturday when no festival has a session to come", () => {
    expect(firstPlanDay(WEDNESDAY, [])).toBe("2026-06-13");
    expect(firstPlanDay(WEDNESDAY, [festival("past", ["2026-06-06T09:00"])])).toBe("2026-06-13");
    expect(nextSaturday("2026-06-13")).toBe("2026-06-13");
  });

  it("is the first Saturday or Sunday from today with a session, skipping weekdays and empty weekends", () => {
    const bayberry = festival("bayberry", ["2026-06-17T09:00", "2026-06-21T09:00", "2026-06-27T09:00"]);
    expect(firstPlanDay(WEDNESDAY, [bayberry])).toBe("2026-06-21");
    // A Sunday session of this weekend counts; so does one of today, when today is a Saturday.
    const sunday = festival("cherry", ["2026-06-14T14:00"]);
    expect(firstPlanDay(WEDNESDAY, [bayberry, sunday])).toBe("2026-06-14");
    expect(firstPlanDay("2026-06-27", [bayberry])).toBe("2026-06-27");
  });

  it("counts the session's day in Suoqian, not in UTC", () => {
    // 07:00 on Saturday in Suoqian is still Friday in UTC.
    expect(firstPlanDay(WEDNESDAY, [festival("early", ["2026-06-20T07:00"])])).toBe("2026-06-20");
    // 23:30 on Friday in Suoqian is Friday, whatever UTC says: no weekend session, the next Saturday.
    expect(firstPlanDay(WEDNESDAY, [festival("late", ["2026-06-12T23:30"])])).toBe("2026-06-13");
  });

  it("is where newPlan puts a new plan", () => {
    const bayberry = festival("bayberry", ["2026-06-21T09:00"]);
    expect(newPlan("周末", WEDNESDAY, [bayberry])).toEqual({ title: "周末", days: ["2026-06-21"], items: [] });
    expect(newPlan("周末", WEDNESDAY)).toEqual({ title: "周末", days: ["2026-06-13"], items: [] });
  });
});

describe("the next festival, for a day without one", () => {
  const bayberry = festival("bayberry", ["2026-06-21T09:00", "2026-06-27T09:00"]);
  const cherry = festival("cherry", ["2026-06-17T09:00"]);

  it("is the first session after the day, with its festival and day", () => {
    expect(nextFestival([bayberry, cherry], "2026-06-13", WEDNESDAY)).toEqual({ festival: cherry, day: "2026-06-17" });
    expect(nextFestival([bayberry, cherry], "2026-06-20", WEDNESDAY)).toEqual({
      festival: bayberry,
      day: "2026-06-21",
    });
  });

  it("is the first to come when the day is after them all, and none when all are over", () => {
    expect(nextFestival([bayberry, cherry], "2026-07-04", WEDNESDAY)).toEqual({ festival: cherry, day: "2026-06-17" });
    expect(nextFestival([bayberry, cherry], "2026-07-04", "2026-07-01")).toBeNull();
    expect(nextFestival([], "2026-06-13", WEDNESDAY)).toBeNull();
  });
});

describe("a plan put on a session's day", () => {
  const route = { kind: "route", slug: "picking", day: "2026-06-13", start: "09:00" } as const;

  it("stays as it is when the day is one of its days", () => {
    const plan = { title: "周末", days: ["2026-06-13", "2026-06-14"], items: [route] };
    expect(planOnDay(plan, "2026-06-14")).toBe(plan);
  });

  it("moves there otherwise, as the first-day picker moves it, items and all", () => {
    expect(planOnDay({ title: "周末", days: ["2026-06-13"], items: [route] }, "2026-06-21")).toEqual({
      title: "周末",
      days: ["2026-06-21"],
      items: [{ ...route, day: "2026-06-21" }],
    });
    expect(planOnDay({ title: "周末", days: ["2026-06-13", "2026-06-14"], items: [] }, "2026-06-20").days).toEqual([
      "2026-06-20",
      "2026-06-21",
    ]);
  });
});
