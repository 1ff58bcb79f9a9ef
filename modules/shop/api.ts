import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import type { ProductDto, ProductUnit, WorkshopDto } from "./product-queries";
import { bySeason } from "./season";
import { MAX_STOCK_IDS, parseStockIds } from "./stock-ids";

// The public shop API (partner sites, a mini-program, and the pages' stock fetch).
// Each function is a whole answer; the route handlers pass the cached lists, tests
// the plain reads. Stock is always live, so no answer may be kept by a shared cache.

export type ShopLoaders = {
  products: () => Promise<ProductDto[]>;
  workshops: () => Promise<WorkshopDto[]>;
  /** Live stock by product id (null = made to order); without ids, of every published product. */
  stock: (ids?: readonly string[]) => Promise<Map<string, number | null>>;
};

const LIVE = { "Cache-Control": "no-store" };

/** The unit as the API names it: a code ("jin", "box", "portion"), the same in every language. */
const unit = (u: ProductUnit) => u.toLowerCase() as "jin" | "box" | "portion";

const zh = apiTranslator("zh-CN");
const en = apiTranslator("en");

/** The unit's word in both languages, from the catalogues (JIN → {zh: "斤", en: "jin"}). */
export const unitLabel = (u: ProductUnit) => ({ zh: zh(`shop.units.${u}`), en: en(`shop.units.${u}`) });

export function toApiProduct(p: ProductDto, stock: number | null) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    priceCents: p.priceCents,
    currency: p.currency,
    unit: unit(p.unit),
    unitLabel: unitLabel(p.unit),
    stock,
    availableFrom: p.availableFrom,
    workshop: { slug: p.workshop.slug, name: p.workshop.name },
  };
}

export function toApiWorkshop(w: WorkshopDto) {
  return {
    slug: w.slug,
    name: w.name,
    story: w.story,
    village: w.village,
    openingHours: w.openingHours,
    place: w.place ? { lat: w.place.lat, lng: w.place.lng } : null,
    products: w.products.length,
  };
}

/** GET /api/products[?workshop=slug]: in season first, with live stock. */
export async function listProductsResponse(
  workshop: string | null,
  locale: Locale,
  load: ShopLoaders,
  now = new Date(),
): Promise<Response> {
  if (workshop) {
    const known = (await load.workshops()).some((w) => w.slug === workshop);
    if (!known) {
      const values = { value: workshop.slice(0, 60) };
      return apiErrorResponse(new ApiError("not_found", "shop.api.workshopNotFound", { values }), locale, LIVE);
    }
  }
  const [products, stock] = await Promise.all([load.products(), load.stock()]);
  const listed = products.filter(
    // A product unpublished since the list was cached is no longer in the live read: leave it out.
    (p) => (!workshop || p.workshop.slug === workshop) && stock.has(p.id),
  );
  return Response.json(
    { products: bySeason(listed, now).map((p) => toApiProduct(p, p.madeToOrder ? null : (stock.get(p.id) ?? 0))) },
    { headers: LIVE },
  );
}

/** GET /api/workshops: every workshop with the number of products it has on sale. */
export async function listWorkshopsResponse(load: ShopLoaders): Promise<Response> {
  const workshops = await load.workshops();
  return Response.json({ workshops: workshops.map(toApiWorkshop) }, { headers: LIVE });
}

/** GET /api/products/stock?ids=a,b: stock left per product on sale (null = made to order); others are left out. */
export async function stockResponse(param: string | null, locale: Locale, load: ShopLoaders): Promise<Response> {
  const ids = parseStockIds(param);
  if (!ids) {
    const values = { max: MAX_STOCK_IDS };
    return apiErrorResponse(new ApiError("invalid_request", "shop.api.invalidIds", { values }), locale, LIVE);
  }
  const stock = await load.stock(ids);
  return Response.json({ stock: Object.fromEntries(stock) }, { headers: LIVE });
}
