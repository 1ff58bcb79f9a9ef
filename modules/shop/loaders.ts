import "server-only";
import type { ShopLoaders } from "./api";
import { findStock } from "./product-queries";
import { getPublishedProducts, getPublishedWorkshops } from "./queries";

/** The route handlers' loaders: the cached lists, and stock read live. */
export const cachedShopLoaders: ShopLoaders = {
  products: getPublishedProducts,
  workshops: getPublishedWorkshops,
  stock: findStock,
};
