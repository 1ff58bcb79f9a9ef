import "server-only";
import { cachedRead } from "@/lib/cache/tagged-read";
import { findPublishedProducts, findPublishedWorkshops } from "./product-queries";

/** Tag on cached product reads (route pages list produce nearby under the same tag). */
export const PRODUCTS_TAG = "products";
/** Tag on cached workshop reads; a workshop lists its products, so product changes expire it too. */
export const WORKSHOPS_TAG = "workshops";

export const getPublishedProducts = cachedRead(findPublishedProducts, ["shop:products"], {
  tags: [PRODUCTS_TAG],
  revalidate: 3600,
});

export const getPublishedWorkshops = cachedRead(findPublishedWorkshops, ["shop:workshops"], {
  tags: [WORKSHOPS_TAG, PRODUCTS_TAG],
  revalidate: 3600,
});
