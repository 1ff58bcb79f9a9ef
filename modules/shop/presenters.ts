import type { Bilingual } from "@/lib/localized";
import type { ProductCategory, ProductDto, ProductImageDto, ProductUnit } from "./product-queries";
import { type Season, seasonOf } from "./season";

// What the shop's browser code needs of a product, and the shop's filters. Pure,
// so the list page can filter its cached list in the browser without a request.

export const CATEGORIES: readonly ProductCategory[] = ["FRUIT", "TEA", "BAMBOO", "PRESERVES", "PREPARED", "OTHER"];
export const SEASON_FILTERS = ["in_season", "preorder"] as const satisfies readonly Season[];
export type SeasonFilter = (typeof SEASON_FILTERS)[number];

export type ProductCardData = {
  id: string;
  slug: string;
  category: ProductCategory;
  name: Bilingual;
  unit: ProductUnit;
  priceCents: number;
  currency: string;
  madeToOrder: boolean;
  availableFrom: string | null;
  availableUntil: string | null;
  farmer: string;
  workshop: { slug: string; name: Bilingual };
  image: ProductImageDto | null;
  /** Lower-cased names and descriptions in both languages, for the search box. */
  search: string;
};

export function toCardData(p: ProductDto): ProductCardData {
  return {
    id: p.id,
    slug: p.slug,
    category: p.category,
    name: p.name,
    unit: p.unit,
    priceCents: p.priceCents,
    currency: p.currency,
    madeToOrder: p.madeToOrder,
    availableFrom: p.availableFrom,
    availableUntil: p.availableUntil,
    farmer: p.farmer.displayName,
    workshop: { slug: p.workshop.slug, name: p.workshop.name },
    image: p.images[0] ?? null,
    search: [p.name.zh, p.name.en, p.description.zh, p.description.en, p.workshop.name.zh, p.workshop.name.en]
      .concat(p.farmer.displayName)
      .join(" ")
      .toLowerCase(),
  };
}

/**
 * Farmers' names and villages are kept in Chinese only (FarmerProfile and Workshop.village
 * have no English columns): an English page leaves them out where the workshop's English
 * name says enough, rather than show Chinese its reader may not read.
 */
export function chineseOnly<T>(value: T, locale: string): T | null {
  return locale === "en" ? null : value;
}

export type ShopFilters = {
  workshop: string | null;
  category: ProductCategory | null;
  season: SeasonFilter | null;
  q: string;
};

/** The filters from the page's query string; anything unknown is ignored. */
export function readShopFilters(params: URLSearchParams, workshopSlugs: readonly string[]): ShopFilters {
  const workshop = params.get("workshop");
  const category = params.get("category");
  const season = params.get("season");
  return {
    workshop: workshop && workshopSlugs.includes(workshop) ? workshop : null,
    category: CATEGORIES.includes(category as ProductCategory) ? (category as ProductCategory) : null,
    season: SEASON_FILTERS.includes(season as SeasonFilter) ? (season as SeasonFilter) : null,
    q: (params.get("q") ?? "").slice(0, 80),
  };
}

/** Products that pass every filter; the search matches all its words, in either language. */
export function filterProducts<T extends ProductCardData>(
  products: readonly T[],
  filters: ShopFilters,
  now: Date,
): T[] {
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  return products.filter(
    (p) =>
      (!filters.workshop || p.workshop.slug === filters.workshop) &&
      (!filters.category || p.category === filters.category) &&
      (!filters.season || seasonOf(p, now) === filters.season) &&
      words.every((w) => p.search.includes(w)),
  );
}
