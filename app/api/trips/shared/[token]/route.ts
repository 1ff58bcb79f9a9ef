import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { sharedTripResponse } from "@/modules/trips/api";

// A plan by its share link: read-only, for anyone who has the link.
export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/trips/shared/[token]">) => {
  const { token } = await ctx.params;
  return sharedTripResponse(token, apiLocale(request));
});
