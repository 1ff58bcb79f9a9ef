import { describe, expect, it } from "vitest";
import { z } from "zod";
import { choiceField, listFilter, readPage, schemaField, textField } from "./list-filter";

const STATUSES = ["PAID", "PENDING"] as const;
const orders = listFilter({
  q: textField("q"),
  status: choiceField("status", STATUSES, { upperCase: true }),
  kind: choiceField("kind", ["tickets", "products"] as const),
  day: schemaField("from", z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  sessionId: textField("session", { max: 5, trim: false }),
});

describe("a back-office list's filter", () => {
  it("reads each field from its own query parameter", () => {
    expect(
      orders.parse({ q: " 杨梅 ", status: "paid", kind: "tickets", from: "2027-06-11", session: "s1", page: "3" }),
    ).toEqual({
      filter: { q: "杨梅", status: "PAID", kind: "tickets", day: "2027-06-11", sessionId: "s1" },
      page: 3,
      invalid: [],
    });
  });

  it("reads the same from URLSearchParams, taking the first of repeated values", () => {
    expect(orders.parse(new URLSearchParams("status=pending&status=paid&page=2"))).toEqual({
      filter: { status: "PENDING" },
      page: 2,
      invalid: [],
    });
    expect(orders.parse({ kind: ["products", "tickets"] }).filter).toEqual({ kind: "products" });
  });

  it("treats absent and blank parameters as no filter, not as unreadable", () => {
    expect(orders.parse({})).toEqual({ filter: {}, page: 1, invalid: [] });
    expect(orders.parse({ q: "   ", status: "", page: "" })).toEqual({ filter: {}, page: 1, invalid: [] });
  });

  it("ignores what it cannot read and names the parameters, in field order with the page last", () => {
    expect(orders.parse({ page: "0", from: "soon", kind: "seeds", status: "lost" })).toEqual({
      filter: {},
      page: 1,
      invalid: ["status", "kind", "from", "page"],
    });
  });

  it("matches choices exactly unless they travel in lower case", () => {
    expect(orders.parse({ kind: "TICKETS" }).invalid).toEqual(["kind"]);
    expect(orders.parse({ status: "PaId" }).filter.status).toBe("PAID");
  });

  it("cuts free text at its length, trimmed unless told not to", () => {
    expect(orders.parse({ q: ` ${"x".repeat(300)} ` }).filter.q).toHaveLength(100);
    expect(orders.parse({ session: " abcdefgh" }).filter.sessionId).toBe(" abcd");
  });

  it("accepts pages 1 to 10,000 as whole numbers only", () => {
    expect(readPage("1")).toBe(1);
    expect(readPage("10000")).toBe(10_000);
    for (const text of ["0", "-1", "1.5", "x", "10001", "Infinity"]) expect(readPage(text)).toBeUndefined();
  });

  it("writes the set values back in field order, lower-casing those that travel so", () => {
    expect(orders.query({ kind: "products", status: "PAID", q: "杨梅" })).toBe(
      "?q=%E6%9D%A8%E6%A2%85&status=paid&kind=products",
    );
    expect(orders.query({})).toBe("");
  });

  it("adds the page only past the first, then any extra parameters", () => {
    expect(orders.query({ kind: "tickets" }, 1)).toBe("?kind=tickets");
    expect(orders.query({ kind: "tickets" }, 2)).toBe("?kind=tickets&page=2");
    expect(orders.query({ kind: "tickets" }, 1, { lang: "en" })).toBe("?kind=tickets&lang=en");
  });

  it("reads back what it wrote", () => {
    const filter = { q: "a b&c", status: "PENDING", kind: "products", day: "2027-06-11", sessionId: "s-1" } as const;
    const text = orders.query(filter, 4);
    expect(orders.parse(new URLSearchParams(text.slice(1)))).toEqual({ filter, page: 4, invalid: [] });
  });
});
