import "server-only";
import type { RouteLoaders } from "./api";
import { getPublishedRoute, getPublishedRoutes } from "./queries";

/** The cached loaders the route handlers use. */
export const cachedRouteLoaders: RouteLoaders = { all: getPublishedRoutes, one: getPublishedRoute };
