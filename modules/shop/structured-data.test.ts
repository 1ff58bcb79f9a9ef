import { describe, expect, it } from "vitest";
import { jsonLdText } from "@/lib/structured-data";
import type { ProductDto } from "./product-queries";
import { productAvailability, productJsonLd } from "./structured-data";

const product: ProductDto = {
  id: "p1",
  slug: "dujia-zaose-bayberries",
  category: "FRUIT",
  name: { zh: "杜家早色杨梅", en: "Dujia early bayberries" },
  description: { zh: "现摘", en: "Picked this morning" },
  unit: "JIN",
  priceCents: 3800,
  currency: "CNY",
  madeToOrder: false,
  availableFrom: "2027-06-12T00:00:00.000Z",
  availableUntil: "2027-06-28T00:00:00.000Z",
  fulfilment: { workshopPickup: true, festivalPickup: true, delivery: true, deliveryFeeCents: 2500 },
  farmer: { id: "f1", displayName: "杜师傅家的杨梅", village: "杜家村" },
  workshop: {
    slug: "dujia-bayberry",
    name: { zh: "杜家杨梅共富工坊", en: "Dujia Bayberry Workshop" },
    openingHours: { zh: "", en: "" },
  },
  images: [],
  updatedAt: "2027-01-01T00:00:00.000Z",
};

const url = "https://suoqian.example/shop/products/dujia-zaose-bayberries";
const shareCard = `${url}/opengraph-image-rqimqx`;
const IN_SEASON = new Date("2027-06-20T00:00:00Z");

function build(p: ProductDto, now = IN_SEASON, images: string[] = []) {
  const data = productJsonLd(p, {
    locale: "zh-CN",
    url,
    now,
    images,
    shareCard,
    categoryLabel: "水果",
    unitLabel: "斤",
  });
  return JSON.parse(jsonLdText(data)) as {
    "@type": string;
    name: string;
    image: string[];
    brand: { name: string };
    offers: {
      "@type": string;
      price: string;
      priceCurrency: string;
      availability: string;
      availabilityStarts?: string;
      url: string;
      priceSpecification: { referenceQuantity: { value: number; unitCode: string; unitText?: string } };
    };
  };
}

describe("productJsonLd", () => {
  it("is a Product whose Offer carries the price in yuan, the currency, the availability and the page's URL", () => {
    const data = build(product);
    expect(data["@type"]).toBe("Product");
    expect(data.name).toBe("杜家早色杨梅");
    expect(data.brand.name).toBe("杜家杨梅共富工坊");
    expect(data.offers).toMatchObject({
      "@type": "Offer",
      price: "38.00",
      priceCurrency: "CNY",
      availability: "https://schema.org/InStock",
      url,
    });
  });

  it("prices a jin as half a kilogram, and names a box by the page's word", () => {
    expect(build(product).offers.priceSpecification.referenceQuantity).toEqual({
      "@type": "QuantitativeValue",
      value: 0.5,
      unitCode: "KGM",
    });
    const box = build({ ...product, unit: "BOX" }).offers.priceSpecification.referenceQuantity;
    expect(box).toMatchObject({ value: 1, unitCode: "XBX" });
  });

  it("is a pre-order, from its harvest date, before the harvest opens", () => {
    const offers = build(product, new Date("2027-05-01T00:00:00Z")).offers;
    expect(offers.availability).toBe("https://schema.org/PreOrder");
    expect(offers.availabilityStarts).toBe(product.availableFrom);
  });

  it("always has an image: the photos, else the page's share card", () => {
    expect(build(product).image).toEqual([shareCard]);
    expect(build(product, IN_SEASON, ["https://suoqian.example/media/a/960.webp"]).image).toEqual([
      "https://suoqian.example/media/a/960.webp",
    ]);
  });
});

describe("productAvailability", () => {
  it("follows the harvest window, and says made to order for a product without stock", () => {
    expect(productAvailability(product, new Date("2027-07-01T00:00:00Z"))).toBe("OutOfStock");
    expect(productAvailability({ ...product, madeToOrder: true }, IN_SEASON)).toBe("MadeToOrder");
    expect(productAvailability({ ...product, availableFrom: null, availableUntil: null }, IN_SEASON)).toBe("InStock");
  });
});
