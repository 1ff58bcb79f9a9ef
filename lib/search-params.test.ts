import { describe, expect, it } from "vitest";
import { param, queryString } from "./search-params";

describe("search params of a back-office list", () => {
  it("reads the first non-empty value, from a record or URLSearchParams", () => {
    expect(param({ q: ["a", "b"] }, "q")).toBe("a");
    expect(param({ q: "  " }, "q")).toBeUndefined();
    expect(param(new URLSearchParams("q=x"), "q")).toBe("x");
  });

  it("writes the set values back as a query string", () => {
    expect(queryString({ q: "杨梅", role: undefined, page: false })).toBe("?q=%E6%9D%A8%E6%A2%85");
    expect(queryString({})).toBe("");
  });
});
