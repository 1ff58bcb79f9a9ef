import "server-only";
import { cachedRead } from "@/lib/cache/tagged-read";
import { findNearby } from "./nearby-queries";
import { findPublishedRoute, findPublishedRoutes } from "./route-queries";

/** Tag on every cached read of routes; the route editor's actions expire it. */
export const ROUTES_TAG = "routes";

export const getPublishedRoutes = cachedRead(findPublishedRoutes, ["routes:published"], { tags: [ROUTES_TAG] });

export const getPublishedRoute = cachedRead(findPublishedRoute, ["routes:one"], { tags: [ROUTES_TAG] });

/** Festivals and products along a route; catalogue changes elsewhere expire these tags too. */
export const getNearby = cachedRead(findNearby, ["routes:nearby"], {
  tags: [ROUTES_TAG, "festivals", "products"],
  revalidate: 3600,
});
