import { describe, expect, it } from "vitest";
import { chooseFulfilment, EMPTY_BASKET, orderItems } from "@/modules/basket/basket";
import { basketWithPlan } from "./plan-edits";
import type { PlannerCatalogue, TripInput } from "./types";

const product: PlannerCatalogue["products"][number] = {
  id: "p1",
  slug: "dongkui",
  name: { zh: "东魁杨梅", en: "Dongkui bayberries" },
  unit: "JIN",
  priceCents: 6800,
  currency: "CNY",
  farmerId: "f1",
  availableFrom: "2026-06-11T16:00:00.000Z",
  availableUntil: "2026-06-28T16:00:00.000Z",
  fulfilment: { workshopPickup: true, festivalPickup: false, delivery: true, deliveryFeeCents: 1000 },
  workshop: { slug: "dujia", name: { zh: "杜家工坊", en: "Dujia" }, openingHours: { zh: "", en: "" } },
};
const catalogue: PlannerCatalogue = { routes: [], festivals: [], products: [product] };

const plan = (start: string, day = "2026-06-20"): TripInput => ({
  title: "杨梅周六",
  days: [day],
  items: [
    { kind: "route", slug: "picking", day, start: "09:00" },
    { kind: "pickup", productId: "p1", day, start, quantity: 2 },
  ],
});

describe("buying what a plan needs", () => {
  it("carries a pickup's planned day and start into the basket line, to be collected at the workshop", () => {
    const { basket, added } = basketWithPlan(EMPTY_BASKET, plan("12:15"), catalogue, new Set());
    expect(added).toBe(1);
    expect(basket.lines).toEqual([
      expect.objectContaining({ productId: "p1", quantity: 2, pickupAt: "2026-06-20T12:15" }),
    ]);
    expect(orderItems(basket)).toEqual([
      {
        kind: "product",
        productId: "p1",
        quantity: 2,
        fulfilment: { method: "workshop_pickup", at: "2026-06-20T12:15" },
      },
    ]);
  });

  it("turns the workshop to pickup even if the basket had chosen the courier for it", () => {
    const before = chooseFulfilment(EMPTY_BASKET, "dujia", { method: "delivery" });
    const { basket } = basketWithPlan(before, plan("16:30"), catalogue, new Set());
    expect(basket.fulfilment).toEqual({ dujia: { method: "workshop_pickup" } });
    expect(orderItems(basket)[0]?.fulfilment).toEqual({ method: "workshop_pickup", at: "2026-06-20T16:30" });
  });

  it("sends no time when the plan's day or start is not one", () => {
    for (const [start, day] of [
      ["9:00", "2026-06-20"],
      ["25:00", "2026-06-20"],
      ["12:15", "2026-02-30"],
    ] as const) {
      const { basket } = basketWithPlan(EMPTY_BASKET, plan(start, day), catalogue, new Set());
      expect(basket.lines[0], `${day} ${start}`).not.toHaveProperty("pickupAt");
      expect(orderItems(basket)[0]?.fulfilment).toEqual({ method: "workshop_pickup" });
    }
  });
});
