import { describe, expect, it } from "vitest";
import { monthRanges } from "./months";

describe("monthRanges", () => {
  it("joins consecutive months", () => {
    expect(monthRanges([5, 4])).toEqual([[4, 5]]);
    expect(monthRanges([3, 4, 5, 9, 10])).toEqual([
      [3, 5],
      [9, 10],
    ]);
    expect(monthRanges([6])).toEqual([[6, 6]]);
  });

  it("wraps a season over New Year", () => {
    expect(monthRanges([12, 1, 2, 3, 4])).toEqual([[12, 4]]);
    expect(monthRanges([1, 2, 3, 4, 5, 6, 9, 10, 11, 12])).toEqual([[9, 6]]);
    expect(monthRanges([1, 5, 12])).toEqual([
      [5, 5],
      [12, 1],
    ]);
  });

  it("says all year as one run", () => {
    expect(monthRanges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([[1, 12]]);
    expect(monthRanges([])).toEqual([]);
  });
});
