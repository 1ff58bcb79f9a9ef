import { describe, expect, it } from "vitest";
import { bySeason, seasonOf } from "./season";

const now = new Date("2026-06-15T04:00:00Z");
const day = (d: string) => `${d}T00:00:00.000Z`;
const item = (slug: string, availableFrom: string | null, availableUntil: string | null) => ({
  slug,
  availableFrom,
  availableUntil,
});

describe("seasonOf", () => {
  it("counts a product without a harvest window as in season", () => {
    expect(seasonOf(item("tea", null, null), now)).toBe("in_season");
  });

  it("counts a product inside its window as in season, its ends included", () => {
    expect(seasonOf(item("a", day("2026-06-12"), day("2026-06-28")), now)).toBe("in_season");
    expect(seasonOf(item("b", now.toISOString(), now.toISOString()), now)).toBe("in_season");
    expect(seasonOf(item("c", day("2026-06-01"), null), now)).toBe("in_season");
    expect(seasonOf(item("d", null, day("2026-06-30")), now)).toBe("in_season");
  });

  it("counts a window that has not opened as a pre-order", () => {
    expect(seasonOf(item("late", day("2026-06-24"), day("2026-07-08")), now)).toBe("preorder");
    expect(seasonOf(item("open-ended", "2026-06-15T04:00:01.000Z", null), now)).toBe("preorder");
  });

  it("counts a window that has closed as over", () => {
    expect(seasonOf(item("cherries", day("2026-04-15"), day("2026-05-15")), now)).toBe("over");
    expect(seasonOf(item("no-start", null, "2026-06-15T03:59:59.000Z"), now)).toBe("over");
  });
});

describe("bySeason", () => {
  it("puts in-season first, then pre-orders by opening date, then the rest", () => {
    const items = [
      item("cherries-over", day("2026-04-15"), day("2026-05-15")),
      item("citrus-november", day("2026-11-15"), day("2026-12-31")),
      item("tea", null, null),
      item("chise-june-24", day("2026-06-24"), day("2026-07-08")),
      item("zaose-now", day("2026-06-12"), day("2026-06-28")),
      item("strawberries-over", day("2026-01-01"), day("2026-04-30")),
      item("dongkui-june-20", day("2026-06-20"), day("2026-07-08")),
    ];
    expect(bySeason(items, now).map((i) => i.slug)).toEqual([
      "tea",
      "zaose-now",
      "dongkui-june-20",
      "chise-june-24",
      "citrus-november",
      "cherries-over",
      "strawberries-over",
    ]);
  });

  it("keeps the given order within a group and does not change its input", () => {
    const items = [item("b", null, null), item("a", null, null), item("c", day("2026-06-01"), null)];
    const copy = [...items];
    expect(bySeason(items, now).map((i) => i.slug)).toEqual(["b", "a", "c"]);
    expect(items).toEqual(copy);
  });

  it("moves a product along as time passes", () => {
    const items = [item("later", day("2026-06-24"), day("2026-07-08")), item("tea", null, null)];
    expect(bySeason(items, new Date(day("2026-06-25"))).map((i) => i.slug)).toEqual(["later", "tea"]);
    expect(bySeason(items, new Date(day("2026-07-09"))).map((i) => i.slug)).toEqual(["tea", "later"]);
  });
});
