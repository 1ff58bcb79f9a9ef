import { describe, expect, it } from "vitest";
import { toApiProduct, unitLabel } from "./api";
import type { ProductDto } from "./product-queries";

const product: ProductDto = {
  id: "p1",
  slug: "longjing",
  category: "TEA",
  name: { zh: "明前龙井", en: "Mingqian Longjing" },
  description: { zh: "", en: "" },
  unit: "BOX",
  priceCents: 16800,
  currency: "CNY",
  madeToOrder: false,
  availableFrom: null,
  availableUntil: null,
  fulfilment: { workshopPickup: true, festivalPickup: false, delivery: true, deliveryFeeCents: 1200 },
  farmer: { id: "f1", displayName: "沈阿姨的山茶笋干", village: "三泉王村" },
  workshop: {
    slug: "sanquanwang",
    name: { zh: "三泉王工坊", en: "Sanquanwang workshop" },
    openingHours: { zh: "", en: "" },
  },
  images: [],
  updatedAt: "2027-01-01T00:00:00.000Z",
};

describe("the products API's unit", () => {
  it("is a code the same in every language, with its word in Chinese and English beside it", () => {
    expect(toApiProduct(product, 12)).toMatchObject({ unit: "box", unitLabel: { zh: "箱", en: "box" } });
  });

  it("has a word in both catalogues for every unit code", () => {
    expect(unitLabel("JIN")).toEqual({ zh: "斤", en: "jin" });
    expect(unitLabel("PORTION")).toEqual({ zh: "份", en: "portion" });
  });
});
