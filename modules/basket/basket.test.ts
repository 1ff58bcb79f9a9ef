import { describe, expect, it } from "vitest";
import {
  addLine,
  type Basket,
  basketCount,
  basketDeliveryFees,
  basketTotals,
  chooseFulfilment,
  EMPTY_BASKET,
  fulfilmentFor,
  lineKey,
  maxQuantity,
  orderItems,
  type ProductLine,
  parseBasket,
  removeLine,
  setAddress,
  setQuantity,
  type TicketLine,
  withoutPast,
  workshopGroups,
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

const productLine = (over: Partial<ProductLine> = {}, product: Partial<ProductLine["product"]> = {}): ProductLine => ({
  kind: "product",
  productId: "p1",
  quantity: 1,
  product: {
    slug: "dongkui",
    name: { zh: "东魁杨梅", en: "Dongkui bayberries" },
    unit: "JIN",
    priceCents: 6800,
    currency: "CNY",
    farmerId: "f1",
    maxPerOrder: 5,
    availableFrom: null,
    fulfilment: { workshopPickup: true, festivalPickup: true, delivery: true, deliveryFeeCents: 1500 },
    ...product,
  },
  workshop: { slug: "dujia", name: { zh: "杜家工坊", en: "Dujia" }, openingHours: { zh: "", en: "" } },
  ...over,
});

describe("workshop products in the basket", () => {
  it("keeps within the stock seen and groups products by workshop", () => {
    let basket = setQuantity(EMPTY_BASKET, productLine(), 9);
    expect(basket.lines[0]?.quantity).toBe(5);
    basket = addLine(basket, productLine({ productId: "p2", workshop: { ...productLine().workshop, slug: "xlw" } }));
    basket = addLine(basket, line());
    expect(workshopGroups(basket).map((g) => [g.workshop.slug, g.lines.map((l) => l.productId)])).toEqual([
      ["dujia", ["p1"]],
      ["xlw", ["p2"]],
    ]);
  });

  it("offers a workshop only the ways all its products allow, and falls back when a choice no longer fits", () => {
    let basket = setQuantity(EMPTY_BASKET, productLine(), 1);
    expect(fulfilmentFor(basket, "dujia")).toEqual({ method: "workshop_pickup" });
    basket = chooseFulfilment(basket, "dujia", { method: "delivery" });
    expect(fulfilmentFor(basket, "dujia")).toEqual({ method: "delivery" });
    // A product that cannot travel joins the group: delivery is no longer possible.
    basket = addLine(
      basket,
      productLine({ productId: "p3" }, { fulfilment: { ...productLine().product.fulfilment, delivery: false } }),
    );
    expect(fulfilmentFor(basket, "dujia")).toEqual({ method: "workshop_pickup" });
  });

  it("sends each product with its workshop's choice, and adds one courier fee per farmer", () => {
    let basket = setQuantity(EMPTY_BASKET, productLine(), 2);
    basket = addLine(
      basket,
      productLine(
        { productId: "p2" },
        { priceCents: 1000, fulfilment: { ...productLine().product.fulfilment, deliveryFeeCents: 2000 } },
      ),
    );
    basket = addLine(basket, line());
    basket = chooseFulfilment(basket, "dujia", { method: "delivery" });
    const address = {
      name: "王",
      phone: "13800138000",
      province: "浙江省",
      city: "杭州市",
      district: "萧山区",
      street: "1 号",
    };
    basket = setAddress(basket, address);
    expect([...basketDeliveryFees(basket)]).toEqual([["f1", 2000]]);
    expect(basketTotals(basket)).toEqual([{ currency: "CNY", cents: 2 * 6800 + 1000 + 3000 + 2000 }]);
    expect(orderItems(basket)).toEqual([
      { kind: "product", productId: "p1", quantity: 2, fulfilment: { method: "delivery", address } },
      { kind: "product", productId: "p2", quantity: 1, fulfilment: { method: "delivery", address } },
      { kind: "ticket", ticketTypeId: "entry", sessionId: "s1", quantity: 1 },
    ]);
    basket = chooseFulfilment(basket, "dujia", { method: "festival_pickup", sessionId: "s1" });
    expect(orderItems(basket)[0]).toMatchObject({ fulfilment: { method: "festival_pickup", sessionId: "s1" } });
    expect(basketDeliveryFees(basket).size).toBe(0);
  });

  it("forgets a workshop's choice once its last product leaves, and survives a reload", () => {
    let basket = chooseFulfilment(setQuantity(EMPTY_BASKET, productLine(), 1), "dujia", { method: "delivery" });
    expect(parseBasket(JSON.stringify(basket))).toEqual(basket);
    basket = removeLine(basket, "product:p1");
    expect(basket.fulfilment).toEqual({});
    const tampered = { version: 1, lines: [{ ...productLine(), product: { name: "x" } }, productLine()] };
    expect(parseBasket(JSON.stringify(tampered)).lines).toEqual([productLine()]);
  });
});

describe("a planned pickup time on a product line", () => {
  it("goes with a workshop pickup only, and stays when the product is added again without one", () => {
    let basket = addLine(EMPTY_BASKET, productLine({ pickupAt: "2026-06-20T12:15" }));
    expect(orderItems(basket)).toEqual([
      {
        kind: "product",
        productId: "p1",
        quantity: 1,
        fulfilment: { method: "workshop_pickup", at: "2026-06-20T12:15" },
      },
    ]);
    // Added again from the shop page (no time): the planned time stays.
    basket = addLine(basket, productLine());
    expect(basket.lines[0]).toMatchObject({ quantity: 2, pickupAt: "2026-06-20T12:15" });
    // Planned again for another time: the newer one counts.
    basket = addLine(basket, productLine({ pickupAt: "2026-06-21T09:00" }));
    expect(basket.lines[0]).toMatchObject({ quantity: 3, pickupAt: "2026-06-21T09:00" });
    // By courier or at a festival gate, no time is sent.
    basket = setAddress(chooseFulfilment(basket, "dujia", { method: "delivery" }), {
      name: "王",
      phone: "13800138000",
      province: "浙江省",
      city: "杭州市",
      district: "萧山区",
      street: "1 号",
    });
    expect(orderItems(basket)[0]?.fulfilment).not.toHaveProperty("at");
  });

  it("reads old stored lines without a time, keeps a well-formed time, and drops a malformed one but not its line", () => {
    const old = { version: 1, lines: [productLine()] };
    expect(parseBasket(JSON.stringify(old)).lines).toEqual([productLine()]);
    expect(orderItems(parseBasket(JSON.stringify(old)))[0]?.fulfilment).toEqual({ method: "workshop_pickup" });
    const planned = { version: 1, lines: [productLine({ pickupAt: "2026-06-20T12:15" })] };
    expect(parseBasket(JSON.stringify(planned)).lines).toEqual([productLine({ pickupAt: "2026-06-20T12:15" })]);
    for (const bad of ["2026-06-20 12:15", "2026-02-30T12:00", "12:15", 1_750_000_000, null, { day: "x" }]) {
      const stored = { version: 1, lines: [{ ...productLine(), pickupAt: bad }] };
      expect(parseBasket(JSON.stringify(stored)).lines, JSON.stringify(bad)).toEqual([productLine()]);
    }
  });
});
