import { describe, expect, it } from "vitest";
import type { FestivalDto } from "./festival-queries";
import { festivalDrawing, lowestPrice, upcomingSessions, weekendSessions } from "./hero";

// Sessions at Suoqian times (UTC+8): Friday 2027-06-11, Saturday 12th (two), Sunday 13th, Saturday 19th.
const at = (id: string, local: string) => ({
  id,
  startsAt: new Date(`${local}+08:00`).toISOString(),
  endsAt: new Date(new Date(`${local}+08:00`).getTime() + 7_200_000).toISOString(),
  capacity: 120,
  label: null,
});
const sessions: FestivalDto["sessions"] = [
  at("fri", "2027-06-11T08:00:00"),
  at("sat-am", "2027-06-12T08:00:00"),
  at("sat-pm", "2027-06-12T14:00:00"),
  at("sun", "2027-06-13T08:00:00"),
  at("next-sat", "2027-06-19T08:00:00"),
];

describe("the festival page's first screen", () => {
  it("prices from the cheapest ticket type", () => {
    const types = [
      { priceCents: 6800, currency: "CNY" },
      { priceCents: 3800, currency: "CNY" },
    ] as FestivalDto["ticketTypes"];
    expect(lowestPrice(types)).toEqual({ cents: 3800, currency: "CNY" });
    expect(lowestPrice([])).toBeNull();
  });

  it("draws bayberries, cherries or a general banner", () => {
    expect(festivalDrawing({ slug: "bayberry-festival", name: { zh: "杜家杨梅节", en: "" } })).toBe("bayberry");
    expect(festivalDrawing({ slug: "x", name: { zh: "所前樱桃节", en: "" } })).toBe("cherry");
    expect(festivalDrawing({ slug: "tea", name: { zh: "茶文化节", en: "Tea" } })).toBe("other");
  });

  it("lists the next sessions still to start", () => {
    const now = new Date("2027-06-12T09:00:00+08:00");
    expect(upcomingSessions(sessions, now, 3).map((s) => s.id)).toEqual(["sat-pm", "sun", "next-sat"]);
  });

  it("counts this weekend while it has sessions to come, else the next weekend that has any", () => {
    // A Wednesday before the season: the first weekend with sessions, not this one.
    expect(weekendSessions(sessions, new Date("2026-12-09T10:00:00+08:00"))).toEqual({
      thisWeekend: false,
      saturday: "2027-06-12",
      sessionIds: ["sat-am", "sat-pm", "sun"],
    });
    // Saturday noon: the rest of this weekend.
    expect(weekendSessions(sessions, new Date("2027-06-12T12:00:00+08:00"))).toEqual({
      thisWeekend: true,
      saturday: "2027-06-12",
      sessionIds: ["sat-pm", "sun"],
    });
    // Sunday evening, after the last session: next weekend.
    expect(weekendSessions(sessions, new Date("2027-06-13T20:00:00+08:00"))?.saturday).toBe("2027-06-19");
    expect(weekendSessions(sessions, new Date("2027-07-01T00:00:00+08:00"))).toBeNull();
  });
});
