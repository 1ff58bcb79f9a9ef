import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import {
  buildWhatsOn,
  type CalendarFestival,
  type CalendarProduct,
  type CalendarRoute,
  type Catalogue,
  inSeason,
  monthToShow,
  weeksOf,
} from "./whats-on";

const JUNE = { year: 2027, month: 6 };
const JULY = { year: 2027, month: 7 };
const BEFORE = new Date("2027-01-01T00:00:00Z");

const bi = (zh: string) => ({ zh, en: zh });
const at = (month: number, day: number, hour: number, minute = 0) =>
  shanghaiTime(2027, month, day, hour, minute).toISOString();

function festival(
  slug: string,
  sessions: [month: number, day: number, hour: number, seatsLeft: number][],
): CalendarFestival {
  return {
    slug,
    name: bi(slug),
    sessions: sessions.map(([month, day, hour, seatsLeft], i) => ({
      id: `${slug}-${i}`,
      startsAt: at(month, day, hour),
      endsAt: at(month, day, hour + 2),
      label: null,
      seatsLeft,
    })),
  };
}

const route = (slug: string, months: number[], category: CalendarRoute["category"] = "picking"): CalendarRoute => ({
  slug,
  category,
  title: bi(slug),
  months,
});

/** A window as the farmer's editor stores it: from the first day's midnight to the midnight after the last. */
const product = (slug: string, from: [number, number] | null, last: [number, number] | null): CalendarProduct => ({
  slug,
  name: bi(slug),
  availableFrom: from ? shanghaiTime(2027, from[0], from[1]).toISOString() : null,
  availableUntil: last ? shanghaiTime(2027, last[0], last[1] + 1).toISOString() : null,
});

const catalogue = (c: Partial<Catalogue>): Catalogue => ({ festivals: [], routes: [], products: [], ...c });
const day = (whatsOn: ReturnType<typeof buildWhatsOn>, n: number) => whatsOn.days[n - 1];

describe("the month's days", () => {
  it("lists every day of the month once, with its weekday", () => {
    const june = buildWhatsOn(catalogue({}), JUNE, BEFORE);
    expect(june.days).toHaveLength(30);
    expect(june.days[0]).toMatchObject({ date: "2027-06-01", day: 1, weekday: 2 });
    expect(june.days.at(-1)?.date).toBe("2027-06-30");
  });

  it("puts a session on its Suoqian date at the month's edges, not its UTC date", () => {
    const session = (id: string, startsAt: string) => ({ id, startsAt, endsAt: startsAt, label: null, seatsLeft: 10 });
    const late = { slug: "late", name: bi("late"), sessions: [session("late-0", at(6, 30, 23, 30))] };
    const early = { slug: "early", name: bi("early"), sessions: [session("early-0", at(7, 1, 0, 30))] };
    // 2027-06-30T15:30Z and 2027-06-30T16:30Z: both 30 June in UTC.
    expect([late.sessions[0]?.startsAt, early.sessions[0]?.startsAt]).toEqual([
      "2027-06-30T15:30:00.000Z",
      "2027-06-30T16:30:00.000Z",
    ]);
    const c = catalogue({ festivals: [late, early] });
    const june = buildWhatsOn(c, JUNE, BEFORE);
    const july = buildWhatsOn(c, JULY, BEFORE);
    expect(day(june, 30)?.festivals.map((f) => f.slug)).toEqual(["late"]);
    expect(day(july, 1)?.festivals.map((f) => f.slug)).toEqual(["early"]);
    expect(june.days.flatMap((d) => d.festivals).map((f) => f.slug)).not.toContain("early");
    expect(july.days.flatMap((d) => d.festivals).map((f) => f.slug)).not.toContain("late");
  });

  it("shows a festival spanning two months in each month with only that month's days", () => {
    const bayberry = festival("bayberry-festival", [
      [6, 25, 8, 5],
      [6, 25, 10, 5],
      [6, 27, 8, 5],
      [7, 2, 8, 5],
      [7, 4, 14, 5],
    ]);
    const c = catalogue({ festivals: [bayberry] });
    const daysWith = (m: typeof JUNE) =>
      buildWhatsOn(c, m, BEFORE)
        .days.filter((d) => d.festivals.length > 0)
        .map((d) => d.date);
    expect(daysWith(JUNE)).toEqual(["2027-06-25", "2027-06-27"]);
    expect(daysWith(JULY)).toEqual(["2027-07-02", "2027-07-04"]);
    const june25 = day(buildWhatsOn(c, JUNE, BEFORE), 25)?.festivals[0];
    expect(june25).toMatchObject({ href: "/festivals/bayberry-festival", status: "open" });
    expect(june25?.sessions.map((s) => s.id)).toEqual(["bayberry-festival-0", "bayberry-festival-1"]);
  });

  it("marks a sold-out session, and the day sold out only when no session has a seat", () => {
    const c = catalogue({
      festivals: [
        festival("cherry-festival", [
          [6, 5, 9, 0],
          [6, 5, 13, 3],
          [6, 6, 9, 0],
          [6, 6, 13, 0],
        ]),
      ],
    });
    const june = buildWhatsOn(c, JUNE, BEFORE);
    const fifth = day(june, 5)?.festivals[0];
    expect(fifth?.sessions.map((s) => [s.status, s.seatsLeft])).toEqual([
      ["soldOut", 0],
      ["open", 3],
    ]);
    expect(fifth?.status).toBe("open");
    expect(day(june, 6)?.festivals[0]?.status).toBe("soldOut");
  });

  it("marks sessions that have started as over, whatever their seats", () => {
    const c = catalogue({
      festivals: [
        festival("f", [
          [6, 5, 9, 10],
          [6, 5, 13, 0],
          [6, 6, 9, 4],
        ]),
      ],
    });
    const afternoon = new Date(at(6, 5, 15));
    const june = buildWhatsOn(c, JUNE, afternoon);
    expect(day(june, 5)?.festivals[0]?.sessions.map((s) => s.status)).toEqual(["over", "over"]);
    expect(day(june, 5)?.festivals[0]?.status).toBe("over");
    expect(day(june, 6)?.festivals[0]?.status).toBe("open");
  });
});

describe("picking seasons", () => {
  it("shows a harvest window across two months in both, cut to each month's days", () => {
    const c = catalogue({ products: [product("dujia-chise-bayberries", [6, 24], [7, 8])] });
    const june = buildWhatsOn(c, JUNE, BEFORE);
    expect(june.seasons).toEqual([
      expect.objectContaining({
        id: "product:dujia-chise-bayberries",
        href: "/shop/products/dujia-chise-bayberries",
        span: { kind: "dates", from: "2027-06-24", to: "2027-07-08" },
        firstDay: 24,
        lastDay: 30,
      }),
    ]);
    expect(day(june, 23)?.seasons).toEqual([]);
    expect(day(june, 24)?.seasons).toEqual(["product:dujia-chise-bayberries"]);
    const july = buildWhatsOn(c, JULY, BEFORE);
    expect(july.seasons[0]).toMatchObject({ firstDay: 1, lastDay: 8 });
    expect(day(july, 9)?.seasons).toEqual([]);
    expect(buildWhatsOn(c, { year: 2027, month: 8 }, BEFORE).seasons).toEqual([]);
  });

  it("ends a window on the day before its closing instant (the editor's midnight and the seed's 23:59 alike)", () => {
    const editor = product("editor", [6, 1], [6, 30]);
    const seed = { ...product("seed", [6, 1], null), availableUntil: shanghaiTime(2027, 6, 30, 23, 59).toISOString() };
    const c = catalogue({ products: [editor, seed] });
    expect(buildWhatsOn(c, JUNE, BEFORE).seasons.map((s) => [s.slug, s.lastDay])).toEqual([
      ["editor", 30],
      ["seed", 30],
    ]);
    expect(buildWhatsOn(c, JULY, BEFORE).seasons).toEqual([]);
  });

  it("leaves out produce with no harvest window and keeps open-ended ones", () => {
    const c = catalogue({ products: [product("tea", null, null), product("from-mid-june", [6, 15], null)] });
    expect(buildWhatsOn(c, JUNE, BEFORE).seasons.map((s) => [s.slug, s.firstDay, s.lastDay])).toEqual([
      ["from-mid-june", 15, 30],
    ]);
    expect(buildWhatsOn(c, JULY, BEFORE).seasons.map((s) => s.slug)).toEqual(["from-mid-june"]);
  });

  it("shows a picking route all through its best months, with the run across New Year", () => {
    const c = catalogue({
      routes: [route("strawberries", [12, 1, 2, 3, 4]), route("red-walk", [1, 2, 3], "red")],
    });
    const january = buildWhatsOn(c, { year: 2027, month: 1 }, BEFORE);
    expect(january.seasons).toEqual([
      expect.objectContaining({
        id: "route:strawberries",
        href: "/routes/strawberries",
        span: { kind: "months", from: 12, to: 4, allYear: false },
        firstDay: 1,
        lastDay: 31,
      }),
    ]);
    expect(january.days.every((d) => d.seasons.includes("route:strawberries"))).toBe(true);
    expect(buildWhatsOn(c, { year: 2027, month: 5 }, BEFORE).seasons).toEqual([]);
  });

  it("orders seasons by their first day in the month, routes before produce", () => {
    const c = catalogue({
      routes: [route("bayberry-route", [6, 7])],
      products: [
        product("late", [6, 20], [7, 8]),
        product("early", [6, 12], [6, 28]),
        product("all-june", [5, 1], [7, 1]),
      ],
    });
    expect(buildWhatsOn(c, JUNE, BEFORE).seasons.map((s) => s.slug)).toEqual([
      "bayberry-route",
      "all-june",
      "early",
      "late",
    ]);
  });
});

describe("weeks", () => {
  it("lays a month out in weeks from Monday, padding with other months' days", () => {
    const weeks = weeksOf(buildWhatsOn(catalogue({}), JUNE, BEFORE).days);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toBeNull();
    expect(weeks[0]?.[1]?.date).toBe("2027-06-01");
    expect(weeks[4]?.[2]?.date).toBe("2027-06-30");
    expect(weeks[4]?.[3]).toBeNull();
  });
});

describe("the month to show", () => {
  it("takes the URL's month, or the current one for anything else", () => {
    expect(monthToShow("2027-06", JULY)).toEqual(JUNE);
    expect(monthToShow("june", JULY)).toEqual(JULY);
    expect(monthToShow(["2027-06"], JULY)).toEqual(JULY);
  });
});

describe("the home page's season strip", () => {
  const c = catalogue({
    festivals: [
      festival("bayberry-festival", [
        [6, 13, 8, 5],
        [7, 4, 8, 0],
      ]),
      festival("cherry-festival", [[4, 18, 9, 5]]),
    ],
    routes: [route("bayberries", [6, 7]), route("tea", [3, 4, 5]), route("red", [6], "red")],
    products: [
      product("chise", [6, 24], [7, 8]),
      product("zaose", [6, 12], [6, 28]),
      product("citrus", [11, 15], [12, 31]),
    ],
  });

  it("lists what is in season this month and the next: festivals, routes, then produce by start", () => {
    const items = inSeason(c, { year: 2027, month: 5 });
    expect(items.map((i) => i.id)).toEqual([
      "festival:bayberry-festival",
      "route:tea",
      "route:bayberries",
      "product:zaose",
      "product:chise",
    ]);
    expect(items[0]).toMatchObject({
      href: "/festivals/bayberry-festival",
      span: { kind: "dates", from: "2027-06-13", to: "2027-07-04" },
    });
  });

  it("is empty when nothing is in season", () => {
    expect(inSeason(c, { year: 2027, month: 8 })).toEqual([]);
  });
});
