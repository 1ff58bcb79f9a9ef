import { describe, expect, it } from "vitest";
import {
  addLine,
  type Basket,
  basketCount,
  basketTotals,
  EMPTY_BASKET,
  lineKey,
  maxQuantity,
  orderItems,
  parseBasket,
  removeLine,
  setQuantity,
  type TicketLine,
  withoutPast,
} from "./basket";

const line = (over: Partial<TicketLine> = {}, type: Partial<TicketLine["ticketType"]> = {}): TicketLine => ({
  kind: "ticket",
  ticketTypeId: "entry",
  sessionId: "s1",
  quantity: 1,
  festival: { slug: "bayberry", name: { zh: "杨梅节", en: "Bayberry" }, maxTicketsPerOrder: 10 },
  ticketType: {
    name: { zh: "门票", en: "Entry" },
    priceCents: 3000,
    currency: "CNY",
    admissions: 1,
    maxPerOrder: 6,
    ...type,
  },
  session: { startsAt: "2027-06-04T00:00:00.000Z", endsAt: "2027-06-04T02:00:00.000Z" },
  ...over,
});

describe("the basket", () => {
  it("adds to a line already there, and keeps lines of other sessions apart", () => {
    let basket = addLine(EMPTY_BASKET, line({ quantity: 2 }));
    basket = addLine(basket, line({ quantity: 1 }));
    basket = addLine(basket, line({ sessionId: "s2", quantity: 1 }));
    expect(basket.lines.map((l) => [lineKey(l), l.quantity])).toEqual([
      ["ticket:entry:s1", 3],
      ["ticket:entry:s2", 1],
    ]);
    expect(basketCount(basket)).toBe(4);
    expect(orderItems(basket)).toEqual([
      { kind: "ticket", ticketTypeId: "entry", sessionId: "s1", quantity: 3 },
      { kind: "ticket", ticketTypeId: "entry", sessionId: "s2", quantity: 1 },
    ]);
  });

  it("keeps within the ticket type's and the festival's per-order limits, across sessions", () => {
    let basket = setQuantity(EMPTY_BASKET, line(), 99);
    expect(basket.lines[0]?.quantity).toBe(6);
    // The same ticket type in another session shares the type's limit of 6.
    basket = setQuantity(basket, line({ sessionId: "s2" }), 5);
    expect(basket.lines.map((l) => l.quantity)).toEqual([6]);
    expect(basketCount(basket)).toBe(6);
    // Another type fills the festival's limit of 10, no further.
    const child = line({ ticketTypeId: "child" }, { maxPerOrder: 10, priceCents: 1500 });
    basket = setQuantity(basket, child, 10);
    expect(basketCount(basket)).toBe(10);
    expect(maxQuantity(basket, child)).toBe(4);
  });

  it("removes a line at zero or on request", () => {
    const basket = setQuantity(EMPTY_BASKET, line(), 2);
    expect(setQuantity(basket, line(), 0).lines).toEqual([]);
    expect(removeLine(basket, "ticket:entry:s1").lines).toEqual([]);
  });

  it("totals per currency", () => {
    let basket = setQuantity(EMPTY_BASKET, line(), 2);
    basket = setQuantity(basket, line({ ticketTypeId: "family" }, { priceCents: 8000 }), 1);
    expect(basketTotals(basket)).toEqual([{ currency: "CNY", cents: 14000 }]);
  });

  it("drops sessions that have started", () => {
    const basket = setQuantity(EMPTY_BASKET, line(), 2);
    expect(withoutPast(basket, new Date("2027-06-01T00:00:00Z"))).toBe(basket);
    expect(withoutPast(basket, new Date("2027-06-04T00:00:00Z")).lines).toEqual([]);
  });

  it("reads back what it stored, and ignores anything else", () => {
    const basket: Basket = setQuantity(EMPTY_BASKET, line(), 2);
    expect(parseBasket(JSON.stringify(basket))).toEqual(basket);
    expect(parseBasket(null)).toEqual(EMPTY_BASKET);
    expect(parseBasket("{not json")).toEqual(EMPTY_BASKET);
    expect(parseBasket(JSON.stringify({ version: 2, lines: [] }))).toEqual(EMPTY_BASKET);
    const tampered = { version: 1, lines: [{ ...line(), quantity: -3 }, { kind: "coupon" }, line()] };
    expect(parseBasket(JSON.stringify(tampered)).lines).toEqual([line()]);
  });
});
