import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { routeResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/routes/[slug]">) => {
  const { slug } = await ctx.params;
  return routeResponse(slug, apiLocale(request), cachedRouteLoaders);
});
