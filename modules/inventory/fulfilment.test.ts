import { describe, expect, it } from "vitest";
import { allows, commonMethods, deliveryFees } from "./fulfilment";

const options = (over: Partial<Parameters<typeof allows>[0]> = {}) => ({
  workshopPickup: true,
  festivalPickup: false,
  delivery: false,
  deliveryFeeCents: 0,
  ...over,
});

describe("fulfilment", () => {
  it("offers a group only the methods all its products allow", () => {
    expect(commonMethods([options({ delivery: true }), options({ delivery: true, festivalPickup: true })])).toEqual([
      "workshop_pickup",
      "delivery",
    ]);
    expect(commonMethods([options({ workshopPickup: false, delivery: true }), options()])).toEqual([]);
    expect(commonMethods([])).toEqual([]);
    expect(allows(options({ festivalPickup: true }), "festival_pickup")).toBe(true);
  });

  it("charges one courier fee per farmer, the highest of their delivered products", () => {
    const fees = deliveryFees([
      { farmerId: "a", method: "delivery", deliveryFeeCents: 1200 },
      { farmerId: "a", method: "delivery", deliveryFeeCents: 1800 },
      { farmerId: "a", method: "workshop_pickup", deliveryFeeCents: 5000 },
      { farmerId: "b", method: "delivery", deliveryFeeCents: 0 },
      { farmerId: "c", method: "festival_pickup", deliveryFeeCents: 900 },
    ]);
    expect([...fees]).toEqual([
      ["a", 1800],
      ["b", 0],
    ]);
  });
});
