import { describe, expect, it } from "vitest";
import { suggestForDay } from "./suggest";
import type { ProductFact, RouteFact, SessionFact, TripFacts } from "./types";

const DUJIA = { lat: 30.095, lng: 120.284 };
const FAR = { lat: 30.3, lng: 120.6 };

const route = (slug: string, months: number[], at = DUJIA): RouteFact => ({
  slug,
  title: { zh: slug, en: slug },
  durationMinutes: 120,
  distanceMeters: 5000,
  months,
  path: [[at.lng, at.lat]],
  startPlace: null,
});
const session = (id: string, startsAt: string, remaining: number, onSale = true): SessionFact => ({
  id,
  startsAt,
  endsAt: startsAt,
  label: null,
  remaining,
  onSale,
  festival: {
    slug: "bayberry-festival",
    name: { zh: "杨梅节", en: "Bayberry" },
    venue: { zh: "杜家", en: "Dujia" },
    point: DUJIA,
    maxTicketsPerOrder: 10,
    ticketTypes: [],
  },
});
const product = (
  id: string,
  point: typeof DUJIA,
  window: [string, string] | null,
  stock: number | null = 5,
): ProductFact => ({
  id,
  slug: id,
  name: { zh: id, en: id },
  unit: "JIN",
  priceCents: 100,
  currency: "CNY",
  stock,
  availableFrom: window?.[0] ?? null,
  availableUntil: window?.[1] ?? null,
  pickupAtWorkshop: true,
  workshop: { slug: "w", name: { zh: "工坊", en: "Workshop" }, village: null, openingHours: { zh: "", en: "" }, point },
});

const facts: TripFacts = {
  routes: new Map([
    ["june", route("june", [6])],
    ["april", route("april", [4])],
    ["in-plan", route("in-plan", [6])],
  ]),
  sessions: new Map([
    ["that-day", session("that-day", "2027-06-12T01:00:00.000Z", 3)],
    ["full", session("full", "2027-06-12T03:00:00.000Z", 0)],
    ["closed", session("closed", "2027-06-12T05:00:00.000Z", 9, false)],
    ["other-day", session("other-day", "2027-06-13T01:00:00.000Z", 9)],
  ]),
  products: new Map([
    ["near", product("near", DUJIA, ["2027-06-01T00:00:00.000Z", "2027-07-01T00:00:00.000Z"])],
    ["far", product("far", FAR, null)],
    ["not-ready", product("not-ready", DUJIA, ["2027-07-01T00:00:00.000Z", "2027-08-01T00:00:00.000Z"])],
    ["gone", product("gone", DUJIA, null, 0)],
  ]),
  heldSessionIds: new Set(),
};

describe("suggestions for a day", () => {
  it("offers routes in season that month, sessions that day with seats left, and produce ready that day, nearest first", () => {
    const plan = {
      title: "",
      days: ["2027-06-12"],
      items: [{ kind: "route" as const, slug: "in-plan", day: "2027-06-12", start: "09:00" }],
    };
    const offered = suggestForDay("2027-06-12", plan, facts).map((s) =>
      s.kind === "route"
        ? `route:${s.slug}`
        : s.kind === "session"
          ? `session:${s.sessionId}`
          : `pickup:${s.productId}`,
    );
    expect(offered).toEqual(["route:june", "session:that-day", "pickup:near", "pickup:far"]);
  });
});
