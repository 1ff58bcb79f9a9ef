import { describe, expect, it } from "vitest";
import { shanghaiTime } from "../../lib/dates";
import { festivals } from "./data";
import { festivalSessions, nextSeason } from "./seed";

const june = { from: { month: 6, day: 13 }, to: { month: 7, day: 5 } };
const winter = { from: { month: 12, day: 1 }, to: { month: 4, day: 30 } };

describe("nextSeason", () => {
  it("takes this year's season while it has not ended", () => {
    const season = nextSeason(june, shanghaiTime(2026, 6, 20, 10));
    expect(season.start).toEqual(shanghaiTime(2026, 6, 13));
    expect(season.end).toEqual(shanghaiTime(2026, 7, 5, 23, 59));
  });

  it("moves to next year once this year's season is over", () => {
    expect(nextSeason(june, shanghaiTime(2026, 11, 27)).start).toEqual(shanghaiTime(2027, 6, 13));
  });

  it("handles a season that runs over New Year", () => {
    const during = nextSeason(winter, shanghaiTime(2027, 2, 1));
    expect(during.start).toEqual(shanghaiTime(2026, 12, 1));
    expect(during.end).toEqual(shanghaiTime(2027, 4, 30, 23, 59));
    const before = nextSeason(winter, shanghaiTime(2026, 11, 27));
    expect(before.start).toEqual(shanghaiTime(2026, 12, 1));
    expect(before.end > before.start).toBe(true);
  });
});

describe("festivalSessions", () => {
  it("creates each daily session on the festival's weekdays only, in China Standard Time", () => {
    const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
    if (!bayberry) throw new Error("bayberry festival missing from the seed");
    // 2027-06-11 is a Friday, 2027-06-14 a Monday.
    const sessions = festivalSessions(bayberry, shanghaiTime(2027, 6, 11), shanghaiTime(2027, 6, 14, 23, 59));
    expect(sessions).toHaveLength(3 * bayberry.sessions.length);
    const first = sessions[0];
    expect(first?.startsAt.toISOString()).toBe("2027-06-11T00:00:00.000Z"); // 08:00 in Suoqian
    for (const s of sessions) {
      const weekday = new Date(s.startsAt.getTime() + 8 * 3600_000).getUTCDay();
      expect(bayberry.weekdays).toContain(weekday);
    }
  });
});
