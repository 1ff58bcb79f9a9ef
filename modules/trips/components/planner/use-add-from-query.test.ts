import { describe, expect, it } from "vitest";
import { addItem, planOnDay } from "../../plan-edits";
import type { PlannerCatalogue } from "../../types";
import { itemFromQuery } from "./use-add-from-query";

const ticketType = {
  id: "tt-single",
  name: { zh: "入园票", en: "Entry" },
  priceCents: 8800,
  currency: "CNY",
  admissions: 1,
  maxPerOrder: 10,
};
const catalogue: Pick<PlannerCatalogue, "routes" | "festivals"> = {
  routes: [
    { slug: "picking", title: { zh: "采摘", en: "Picking" }, category: "PICKING", durationMinutes: 120, months: [6] },
  ],
  festivals: [
    {
      slug: "bayberry",
      name: { zh: "杨梅节", en: "Bayberry festival" },
      maxTicketsPerOrder: 10,
      ticketType,
      // 09:00 on Sunday 21 June 2026 in Suoqian.
      sessions: [{ id: "s1", startsAt: "2026-06-21T01:00:00.000Z", endsAt: "2026-06-21T03:00:00.000Z", label: null }],
    },
  ],
};
const plan = { title: "周末", days: ["2026-06-13"], items: [] };

describe("what ?add= adds to the plan", () => {
  it("a route on the plan's first day", () => {
    expect(itemFromQuery("route:picking", catalogue, plan)).toEqual({
      kind: "route",
      slug: "picking",
      day: "2026-06-13",
      start: "09:00",
    });
  });

  it("a session on its own day, the plan moved there", () => {
    const item = itemFromQuery("session:s1", catalogue, plan);
    expect(item).toEqual({ kind: "session", sessionId: "s1", day: "2026-06-21", quantity: 1 });
    if (!item) throw new Error("no item");
    expect(addItem(planOnDay(plan, item.day), item)).toEqual({ title: "周末", days: ["2026-06-21"], items: [item] });
  });

  it("a session's ticket type and quantity when the planner knows the type; the bare session otherwise", () => {
    expect(itemFromQuery("session:s1:tt-single:3", catalogue, plan)).toMatchObject({
      ticketTypeId: "tt-single",
      quantity: 3,
    });
    expect(itemFromQuery("session:s1:tt-single:99", catalogue, plan)).toMatchObject({ quantity: 50 });
    for (const add of ["session:s1:tt-other:3", "session:s1:tt-single:x"]) {
      expect(itemFromQuery(add, catalogue, plan)).toEqual({
        kind: "session",
        sessionId: "s1",
        day: "2026-06-21",
        quantity: 1,
      });
    }
  });

  it("nothing for what the catalogue does not have, or a kind it does not know", () => {
    for (const add of ["route:nope", "session:nope", "session:", "pickup:p1", "", "route"]) {
      expect(itemFromQuery(add, catalogue, plan), add).toBeNull();
    }
  });
});
