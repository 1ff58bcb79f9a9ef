import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ unstable_cache: <T>(fn: T) => fn }));

import { dateKeyOf, type Month, monthOf } from "../../modules/calendar/month";
import { findWhatsOn, getSeasonCatalogue } from "../../modules/calendar/queries";
import { inSeason } from "../../modules/calendar/whats-on";
import { testDb as db } from "../support/db";

// The calendar over the seeded catalogue: the bayberry and cherry festivals' days in
// their months with the seats left read live, and the produce's harvest windows.

afterAll(() => db.$disconnect());

const BEFORE_EVERYTHING = new Date("2000-01-01T00:00:00Z");

async function sessionsOf(slug: string) {
  const festival = await db.festival.findUniqueOrThrow({
    where: { slug },
    include: { sessions: { orderBy: { startsAt: "asc" } } },
  });
  return festival.sessions;
}

/** The months (Suoqian) the sessions fall in, each with the dates that have sessions. */
function monthsOf(sessions: { startsAt: Date }[]) {
  const months = new Map<string, { month: Month; dates: Set<string> }>();
  for (const s of sessions) {
    const month = monthOf(s.startsAt);
    const key = `${month.year}-${month.month}`;
    const entry = months.get(key) ?? { month, dates: new Set<string>() };
    entry.dates.add(dateKeyOf(s.startsAt));
    months.set(key, entry);
  }
  return [...months.values()];
}

describe("what's on, from the seeded catalogue", () => {
  for (const slug of ["bayberry-festival", "cherry-festival"]) {
    it(`lists every day of the ${slug} in its month, linking to the festival`, async () => {
      const sessions = await sessionsOf(slug);
      expect(sessions.length).toBeGreaterThan(0);
      for (const { month, dates } of monthsOf(sessions)) {
        const whatsOn = await findWhatsOn(month, BEFORE_EVERYTHING);
        const days = whatsOn.days.filter((d) => d.festivals.some((f) => f.slug === slug));
        expect(days.map((d) => d.date)).toEqual([...dates].sort());
        for (const day of days) expect(day.festivals.find((f) => f.slug === slug)?.href).toBe(`/festivals/${slug}`);
      }
    });
  }

  it("shows the seats left now, and a session with none as sold out", async () => {
    const [first, second] = await sessionsOf("cherry-festival");
    if (!first || !second) throw new Error("the seed has at least two cherry sessions");
    const { reserved } = first;
    await db.festivalSession.update({ where: { id: first.id }, data: { reserved: first.capacity } });
    try {
      const whatsOn = await findWhatsOn(monthOf(first.startsAt), BEFORE_EVERYTHING);
      const sessions = whatsOn.days.flatMap((d) => d.festivals.flatMap((f) => f.sessions));
      expect(sessions.find((s) => s.id === first.id)).toMatchObject({ seatsLeft: 0, status: "soldOut" });
      expect(sessions.find((s) => s.id === second.id)).toMatchObject({
        seatsLeft: second.capacity - second.reserved,
        status: "open",
      });
    } finally {
      await db.festivalSession.update({ where: { id: first.id }, data: { reserved } });
    }
  });

  it("shows a product's harvest window across the days it covers", async () => {
    const product = await db.product.findUniqueOrThrow({ where: { slug: "dujia-zaose-bayberries" } });
    if (!product.availableFrom || !product.availableUntil) throw new Error("the seed gives it a harvest window");
    const month = monthOf(product.availableFrom);
    const whatsOn = await findWhatsOn(month, BEFORE_EVERYTHING);
    const season = whatsOn.seasons.find((s) => s.id === "product:dujia-zaose-bayberries");
    expect(season).toMatchObject({
      kind: "product",
      href: "/shop/products/dujia-zaose-bayberries",
      span: { kind: "dates", from: dateKeyOf(product.availableFrom), to: dateKeyOf(product.availableUntil) },
      firstDay: Number(dateKeyOf(product.availableFrom).slice(8)),
    });
    const covered = whatsOn.days.filter((d) => d.seasons.includes("product:dujia-zaose-bayberries"));
    expect(covered[0]?.date).toBe(dateKeyOf(product.availableFrom));
  });

  it("puts the bayberry picking route and festival in the home page's strip in the month before", async () => {
    const [first] = await sessionsOf("bayberry-festival");
    if (!first) throw new Error("the seed has bayberry sessions");
    const month = monthOf(first.startsAt);
    const before = month.month === 1 ? { year: month.year - 1, month: 12 } : { ...month, month: month.month - 1 };
    const ids = inSeason(await getSeasonCatalogue(), before).map((i) => i.id);
    expect(ids).toContain("festival:bayberry-festival");
    expect(ids).toContain("route:picking-bayberries-dujia");
    expect(ids).not.toContain("route:red-town-to-wang-huayan-memorial");
  });
});
