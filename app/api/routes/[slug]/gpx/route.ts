import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { routeGpxResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/routes/[slug]/gpx">) => {
  const { slug } = await ctx.params;
  return routeGpxResponse(slug, apiLocale(request), new URL(request.url).origin, cachedRouteLoaders);
});
