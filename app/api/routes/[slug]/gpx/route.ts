import type { NextRequest } from "next/server";
import { apiLocale } from "@/lib/i18n/api";
import { routeGpxResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

export async function GET(request: NextRequest, ctx: RouteContext<"/api/routes/[slug]/gpx">) {
  const { slug } = await ctx.params;
  return routeGpxResponse(slug, apiLocale(request), request.nextUrl.origin, cachedRouteLoaders);
}
