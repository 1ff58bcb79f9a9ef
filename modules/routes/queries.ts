import "server-only";
import { unstable_cache } from "next/cache";
import { findNearby } from "./nearby-queries";
import { findPublishedRoute, findPublishedRoutes } from "./route-queries";

/** Tag on every cached read of routes; the route editor's actions expire it. */
export const ROUTES_TAG = "routes";

export const getPublishedRoutes = unstable_cache(findPublishedRoutes, ["routes:published"], { tags: [ROUTES_TAG] });

export const getPublishedRoute = unstable_cache(findPublishedRoute, ["routes:one"], { tags: [ROUTES_TAG] });

/** Festivals and products along a route; catalogue changes elsewhere expire these tags too. */
export const getNearby = unstable_cache(findNearby, ["routes:nearby"], {
  tags: [ROUTES_TAG, "festivals", "products"],
  revalidate: 3600,
});
