import { describe, expect, it } from "vitest";
import { sampleRoute } from "../../tests/support/route-fixture";
import { routeTimes } from "./estimates";
import { durationBucket, filterRoutes } from "./presenters";

describe("route filters", () => {
  const routes = [
    sampleRoute({ slug: "a", category: "red", months: [3, 4], durationMinutes: 90 }),
    sampleRoute({ slug: "b", category: "picking", months: [6], durationMinutes: 200 }),
    sampleRoute({ slug: "c", category: "picking", months: [4, 5], durationMinutes: 300 }),
  ];
  const slugs = (f: Parameters<typeof filterRoutes>[1]) => filterRoutes(routes, f).map((r) => r.slug);

  it("filters by category, month in season and length, together", () => {
    expect(slugs({ category: null, month: null, duration: null })).toEqual(["a", "b", "c"]);
    expect(slugs({ category: "picking", month: null, duration: null })).toEqual(["b", "c"]);
    expect(slugs({ category: null, month: 4, duration: null })).toEqual(["a", "c"]);
    expect(slugs({ category: "picking", month: 4, duration: "full" })).toEqual(["c"]);
    expect(slugs({ category: "red", month: 6, duration: null })).toEqual([]);
  });

  it("buckets lengths at 2 and 4 hours", () => {
    expect([120, 121, 240, 241].map(durationBucket)).toEqual(["short", "half", "half", "full"]);
  });
});

describe("routeTimes", () => {
  it("adds the moving time for each way of travelling to the time at the stops", () => {
    // 2.345 km; 105 min at the stops.
    expect(routeTimes(sampleRoute())).toEqual({ foot: 36 + 105, bicycle: 12 + 105, car: 5 + 105 });
  });
});
