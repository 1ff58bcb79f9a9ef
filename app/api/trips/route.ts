import { env } from "@/lib/env";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { createTripResponse, listTripsResponse } from "@/modules/trips/api";

// The signed-in visitor's trip plans (the mini-program's API too); strangers get 401.
export const GET = withRoute("trips.manage", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  return listTripsResponse({ userId: user.id, locale: apiLocale(request), origin: env.siteUrl });
});

export const POST = withRoute("trips.manage", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  return createTripResponse(request, { userId: user.id, locale: apiLocale(request), origin: env.siteUrl });
});
