import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { routeGeoJsonResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/routes/[slug]/geojson">) => {
  const { slug } = await ctx.params;
  return routeGeoJsonResponse(slug, apiLocale(request), cachedRouteLoaders);
});
