import { env } from "@/lib/env";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { deleteTripResponse, tripResponse, updateTripResponse } from "@/modules/trips/api";

// One plan: its owner only; anyone else's plan answers 404, as one that does not exist.
type Ctx = RouteContext<"/api/trips/[id]">;

export const GET = withRoute("trips.manage", async (request, ctx: Ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  const { id } = await ctx.params;
  return tripResponse({ userId: user.id, locale: apiLocale(request), origin: env.siteUrl }, id);
});

export const PUT = withRoute("trips.manage", async (request, ctx: Ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  const { id } = await ctx.params;
  return updateTripResponse(request, { userId: user.id, locale: apiLocale(request), origin: env.siteUrl }, id);
});

export const DELETE = withRoute("trips.manage", async (request, ctx: Ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  const { id } = await ctx.params;
  return deleteTripResponse({ userId: user.id, locale: apiLocale(request), origin: env.siteUrl }, id);
});
