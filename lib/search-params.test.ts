import { describe, expect, it } from "vitest";
import { oneOf, pageParam, param, queryString, searchText } from "./search-params";

describe("search params of a back-office list", () => {
  it("reads the first non-empty value, from a record or URLSearchParams", () => {
    expect(param({ q: ["a", "b"] }, "q")).toBe("a");
    expect(param({ q: "  " }, "q")).toBeUndefined();
    expect(param(new URLSearchParams("q=x"), "q")).toBe("x");
  });

  it("keeps only allowed values and sensible pages, ignoring the rest", () => {
    expect(oneOf({ role: "admin" }, "role", ["ADMIN", "VISITOR"] as const, (v) => v.toUpperCase())).toBe("ADMIN");
    expect(oneOf({ role: "root" }, "role", ["ADMIN", "VISITOR"] as const, (v) => v.toUpperCase())).toBeUndefined();
    expect(pageParam({ page: "3" })).toBe(3);
    for (const page of ["0", "-1", "1.5", "x", "10001"]) expect(pageParam({ page })).toBe(1);
    expect(searchText({ q: ` ${"x".repeat(300)} ` })).toHaveLength(100);
  });

  it("writes the set values back as a query string", () => {
    expect(queryString({ q: "杨梅", role: undefined, page: false })).toBe("?q=%E6%9D%A8%E6%A2%85");
    expect(queryString({})).toBe("");
  });
});
