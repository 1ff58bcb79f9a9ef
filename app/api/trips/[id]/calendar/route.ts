import { env } from "@/lib/env";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { tripCalendarResponse } from "@/modules/trips/api";
import { findTrip } from "@/modules/trips/queries";

// The owner's plan as an .ics file.
export const GET = withRoute(
  "trips.manage",
  async (request, ctx: RouteContext<"/api/trips/[id]/calendar">, currentUser) => {
    const user = await currentUser();
    if (!user) throw new Error("withRoute let a stranger through");
    const { id } = await ctx.params;
    return tripCalendarResponse(await findTrip(user.id, id), apiLocale(request), env.siteUrl);
  },
);
