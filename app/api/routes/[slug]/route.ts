import type { NextRequest } from "next/server";
import { apiLocale } from "@/lib/i18n/api";
import { routeResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

export async function GET(request: NextRequest, ctx: RouteContext<"/api/routes/[slug]">) {
  const { slug } = await ctx.params;
  return routeResponse(slug, apiLocale(request), cachedRouteLoaders);
}
