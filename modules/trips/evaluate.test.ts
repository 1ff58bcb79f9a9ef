import { describe, expect, it } from "vitest";
import { clock, driveMinutes, evaluateTrip, parseClock, wallClock } from "./evaluate";
import type { ProductFact, RouteFact, SessionFact, TripFacts, TripInput } from "./types";

// Dujia (bayberries) and Xiangliwang (cherries) are about 4 km apart.
const DUJIA = { lat: 30.095, lng: 120.284 };
const XIANGLIWANG = { lat: 30.12, lng: 120.31 };

const route: RouteFact = {
  slug: "picking-bayberries-dujia",
  title: { zh: "杜家杨梅采摘", en: "Dujia bayberry picking" },
  durationMinutes: 180,
  distanceMeters: 6000,
  months: [6],
  path: [
    [DUJIA.lng, DUJIA.lat],
    [XIANGLIWANG.lng, XIANGLIWANG.lat],
  ],
  startPlace: null,
};

const session: SessionFact = {
  id: "s-sat-9",
  // Saturday 2027-06-12, 09:00–11:00 in Suoqian.
  startsAt: "2027-06-12T01:00:00.000Z",
  endsAt: "2027-06-12T03:00:00.000Z",
  label: null,
  remaining: 5,
  onSale: true,
  festival: {
    slug: "bayberry-festival",
    name: { zh: "杜家杨梅节", en: "Dujia Bayberry Festival" },
    venue: { zh: "杜家村", en: "Dujia" },
    point: DUJIA,
    maxTicketsPerOrder: 10,
    ticketTypes: [
      {
        id: "t",
        name: { zh: "入园票", en: "Entry" },
        priceCents: 8800,
        currency: "CNY",
        admissions: 1,
        maxPerOrder: 10,
      },
    ],
  },
};

const product: ProductFact = {
  id: "p-bayberry",
  slug: "dujia-dongkui-bayberries",
  name: { zh: "东魁杨梅", en: "Dongkui bayberries" },
  unit: "JIN",
  priceCents: 6800,
  currency: "CNY",
  stock: 10,
  availableFrom: "2027-06-05T16:00:00.000Z",
  availableUntil: "2027-07-05T16:00:00.000Z",
  pickupAtWorkshop: true,
  workshop: {
    slug: "xiangliwang-cherry-citrus",
    name: { zh: "祥里王工坊", en: "Xiangliwang workshop" },
    village: "祥里王村",
    openingHours: { zh: "周二至周日 9:00–17:00（周一休息）", en: "Tuesday–Sunday 9:00–17:00 (closed Mondays)" },
    point: XIANGLIWANG,
  },
};

const facts = (over: Partial<TripFacts> = {}): TripFacts => ({
  routes: new Map([[route.slug, route]]),
  sessions: new Map([[session.id, session]]),
  products: new Map([[product.id, product]]),
  heldSessionIds: new Set(),
  ...over,
});

const saturday = (items: TripInput["items"]): TripInput => ({ title: "周六", days: ["2027-06-12"], items });
const codes = (plan: TripInput, f = facts()) =>
  evaluateTrip(plan, f, "2027-06-01").warnings.map((w) => `${w.code}:${w.items.join(",")}`);

describe("a day's timeline", () => {
  it("orders the day by start time, with each item's end and the drive from the one before", () => {
    const view = evaluateTrip(
      saturday([
        { kind: "pickup", productId: product.id, day: "2027-06-12", start: "15:30" },
        { kind: "route", slug: route.slug, day: "2027-06-12", start: "11:30" },
        { kind: "session", sessionId: session.id, day: "2027-06-12" },
      ]),
      facts(),
      "2027-06-01",
    );
    expect(view.items.map((i) => [i.input.kind, clock(i.startMinutes), clock(i.endMinutes)])).toEqual([
      ["session", "09:00", "11:00"],
      ["route", "11:30", "14:30"],
      ["pickup", "15:30", "15:50"],
    ]);
    // A pickup says where and when the workshop opens.
    expect(view.items[2]?.subtitle?.zh).toBe("祥里王工坊 · 周二至周日 9:00–17:00（周一休息）");
    expect(view.items[0]?.travelMinutes).toBeNull();
    // The route starts where the festival is; the pickup is where the route ends.
    expect(view.items[1]?.travelMinutes).toBe(0);
    expect(view.items[2]?.travelMinutes).toBe(0);
    expect(view.warnings).toEqual([]);
  });

  it("warns when two things overlap, naming both, and again when fixed it does not", () => {
    const clash = saturday([
      { kind: "route", slug: route.slug, day: "2027-06-12", start: "08:00" },
      { kind: "session", sessionId: session.id, day: "2027-06-12" },
    ]);
    expect(codes(clash)).toEqual(["overlap:0,1"]);
    const fixed = saturday([
      { kind: "route", slug: route.slug, day: "2027-06-12", start: "11:00" },
      { kind: "session", sessionId: session.id, day: "2027-06-12" },
    ]);
    expect(codes(fixed)).toEqual([]);
  });

  it("warns when there is no time to drive from one place to the next", () => {
    const far = { ...route, path: [[120.5, 30.3] as [number, number], [120.5, 30.3] as [number, number]] };
    const plan = saturday([
      { kind: "session", sessionId: session.id, day: "2027-06-12" },
      { kind: "route", slug: route.slug, day: "2027-06-12", start: "11:05" },
    ]);
    const warnings = evaluateTrip(plan, facts({ routes: new Map([[route.slug, far]]) }), "2027-06-01").warnings;
    expect(warnings).toEqual([{ code: "travel_time", items: [0, 1], minutes: expect.any(Number) }]);
    expect(warnings[0]?.minutes).toBeGreaterThan(5);
  });
});

describe("warnings about the catalogue", () => {
  it("says a session is sold out or not on sale, unless the visitor already holds a ticket", () => {
    const plan = saturday([{ kind: "session", sessionId: session.id, day: "2027-06-12", quantity: 6 }]);
    expect(codes(plan)).toEqual(["sold_out:0"]);
    expect(codes(plan, facts({ sessions: new Map([[session.id, { ...session, onSale: false }]]) }))).toEqual([
      "not_on_sale:0",
    ]);
    expect(codes(plan, facts({ heldSessionIds: new Set([session.id]) }))).toEqual([]);
  });

  it("says a session is not on the day it was put on", () => {
    const plan: TripInput = {
      title: "两天",
      days: ["2027-06-12", "2027-06-13"],
      items: [{ kind: "session", sessionId: session.id, day: "2027-06-13" }],
    };
    expect(codes(plan)).toEqual(["not_festival_day:0"]);
  });

  it("says a pickup falls outside the workshop's hours or on its closed day", () => {
    expect(codes(saturday([{ kind: "pickup", productId: product.id, day: "2027-06-12", start: "08:30" }]))).toEqual([
      "outside_hours:0",
    ]);
    expect(codes(saturday([{ kind: "pickup", productId: product.id, day: "2027-06-12", start: "16:50" }]))).toEqual([
      "outside_hours:0",
    ]);
    const monday: TripInput = {
      title: "周一",
      days: ["2027-06-14"],
      items: [{ kind: "pickup", productId: product.id, day: "2027-06-14", start: "10:00" }],
    };
    expect(codes(monday)).toEqual(["outside_hours:0"]);
  });

  it("says a route or product is out of season that month", () => {
    const april: TripInput = {
      title: "四月",
      days: ["2028-04-08"],
      items: [
        { kind: "route", slug: route.slug, day: "2028-04-08", start: "09:00" },
        { kind: "pickup", productId: product.id, day: "2028-04-08", start: "14:00" },
      ],
    };
    expect(codes(april)).toEqual(["out_of_season:0", "out_of_season:1"]);
  });

  it("says what it no longer finds, and when a day has passed", () => {
    const plan = saturday([{ kind: "route", slug: "gone", day: "2027-06-12", start: "09:00" }]);
    expect(evaluateTrip(plan, facts(), "2027-06-20").warnings.map((w) => w.code)).toEqual(["unknown_item", "past_day"]);
  });

  it("names each past day once, so two past days are two different warnings", () => {
    const weekend: TripInput = { title: "周末", days: ["2027-06-12", "2027-06-13"], items: [] };
    const past = evaluateTrip(weekend, facts(), "2027-06-20").warnings.filter((w) => w.code === "past_day");
    expect(past.map((w) => w.day)).toEqual(["2027-06-12", "2027-06-13"]);
    expect(evaluateTrip(weekend, facts(), "2027-06-13").warnings.map((w) => w.day)).toEqual(["2027-06-12"]);
  });
});

describe("clock helpers", () => {
  it("reads and writes wall-clock times and Suoqian dates", () => {
    expect(parseClock("09:30")).toBe(570);
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("9:30")).toBeNull();
    expect(clock(570)).toBe("09:30");
    expect(wallClock("2027-06-11T16:30:00.000Z")).toEqual({ date: "2027-06-12", minutes: 30 });
    expect(driveMinutes(DUJIA, null)).toBeNull();
    expect(driveMinutes(DUJIA, XIANGLIWANG)).toBeGreaterThan(5);
  });
});
