import { describe, expect, it } from "vitest";
import { comparePairs, median, rscPayload, tbtRatio } from "./lighthouse-measures";

describe("the Lighthouse benchmark's arithmetic", () => {
  it("takes the median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("divides a page's blocking time by its bare partner's", () => {
    expect(tbtRatio(150, 100)).toBe(1.5);
    expect(tbtRatio(0, 0)).toBe(1);
    expect(tbtRatio(30, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it("compares pair by pair, then takes the medians", () => {
    const pair = (tbt: number, performance: number, bareTbt: number, barePerformance: number) => ({
      page: { tbt, performance },
      bare: { tbt: bareTbt, performance: barePerformance },
    });
    const result = comparePairs([pair(200, 90, 100, 96), pair(120, 97, 100, 98), pair(300, 88, 250, 95)]);
    expect(result.tbtRatio).toBe(1.2);
    expect(result.performanceDiff).toBe(-6);
    expect(result.tbt).toBe(200);
    expect(result.bareTbt).toBe(100);
    expect(result.performance).toBe(90);
    expect(result.barePerformance).toBe(96);
  });

  it("sums the strings of the RSC payload's pushes", () => {
    const html =
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
      '<script>self.__next_f.push([1,"0:[\\"$\\",\\"html\\"]\\n"])</script>' +
      '<script>self.__next_f.push([1,"所前"])</script>' +
      "<script>self.__next_f.push([2,null])</script>";
    // 0:["$","html"]\n is 15 characters; 所前 is 2, in 6 bytes of UTF-8.
    expect(rscPayload(html)).toEqual({ pushes: 3, chars: 15 + 2, bytes: 15 + 6, unreadable: 0 });
  });
});
