import { describe, expect, it } from "vitest";
import type { ProductCardData } from "./presenters";
import { chineseOnly, filterProducts, readShopFilters } from "./presenters";

const now = new Date("2026-06-15T04:00:00Z");

function card(slug: string, over: Partial<ProductCardData> = {}): ProductCardData {
  return {
    id: slug,
    slug,
    category: "FRUIT",
    name: { zh: slug, en: slug },
    unit: "JIN",
    priceCents: 3800,
    currency: "CNY",
    madeToOrder: false,
    availableFrom: null,
    availableUntil: null,
    farmer: "杜师傅家的杨梅",
    workshop: { slug: "dujia", name: { zh: "杜家", en: "Dujia" } },
    image: null,
    search: slug,
    ...over,
  };
}

const products = [
  card("zaose", { search: "杜家早色杨梅 dujia early bayberries" }),
  card("longjing", {
    category: "TEA",
    workshop: { slug: "sanquanwang", name: { zh: "三泉王", en: "" } },
    search: "明前龙井 longjing tea",
  }),
  card("chise", { availableFrom: "2026-06-24T00:00:00Z", search: "杜家迟色杨梅 dujia late bayberries" }),
];

const slugs = (list: ProductCardData[]) => list.map((p) => p.slug);

describe("shop filters", () => {
  it("reads known filters from the query and ignores the rest", () => {
    const params = new URLSearchParams("workshop=dujia&category=TEA&season=preorder&q=%E6%9D%A8%E6%A2%85");
    expect(readShopFilters(params, ["dujia"])).toEqual({
      workshop: "dujia",
      category: "TEA",
      season: "preorder",
      q: "杨梅",
    });
    const junk = new URLSearchParams("workshop=nowhere&category=fish&season=soon");
    expect(readShopFilters(junk, ["dujia"])).toEqual({ workshop: null, category: null, season: null, q: "" });
  });

  it("filters by workshop, category, season and every search word in either language", () => {
    const none = { workshop: null, category: null, season: null, q: "" };
    expect(slugs(filterProducts(products, none, now))).toEqual(["zaose", "longjing", "chise"]);
    expect(slugs(filterProducts(products, { ...none, workshop: "dujia" }, now))).toEqual(["zaose", "chise"]);
    expect(slugs(filterProducts(products, { ...none, category: "TEA" }, now))).toEqual(["longjing"]);
    expect(slugs(filterProducts(products, { ...none, season: "preorder" }, now))).toEqual(["chise"]);
    expect(slugs(filterProducts(products, { ...none, season: "in_season" }, now))).toEqual(["zaose", "longjing"]);
    expect(slugs(filterProducts(products, { ...none, q: "杨梅" }, now))).toEqual(["zaose", "chise"]);
    expect(slugs(filterProducts(products, { ...none, q: "Late  BAYBERRIES" }, now))).toEqual(["chise"]);
    expect(slugs(filterProducts(products, { ...none, q: "杨梅 tea" }, now))).toEqual([]);
  });
});

describe("chineseOnly", () => {
  it("keeps text stored only in Chinese (a farmer's name, a village) off English pages", () => {
    expect(chineseOnly("杜家村", "zh-CN")).toBe("杜家村");
    expect(chineseOnly("杜家村", "en")).toBeNull();
  });
});
