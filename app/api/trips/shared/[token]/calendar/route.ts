import { env } from "@/lib/env";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { tripCalendarResponse } from "@/modules/trips/api";
import { findSharedTrip } from "@/modules/trips/queries";

// A shared plan as an .ics file, for whoever has the link.
export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/trips/shared/[token]/calendar">) => {
  const { token } = await ctx.params;
  return tripCalendarResponse(await findSharedTrip(token), apiLocale(request), env.siteUrl);
});
