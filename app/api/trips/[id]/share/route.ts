import { env } from "@/lib/env";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { shareTripResponse } from "@/modules/trips/api";

// Makes (POST) or takes back (DELETE) a plan's read-only share link; its owner only.
type Ctx = RouteContext<"/api/trips/[id]/share">;

const share = (on: boolean) =>
  withRoute("trips.manage", async (request, ctx: Ctx, currentUser) => {
    const user = await currentUser();
    if (!user) throw new Error("withRoute let a stranger through");
    const { id } = await ctx.params;
    return shareTripResponse({ userId: user.id, locale: apiLocale(request), origin: env.siteUrl }, id, on);
  });

export const POST = share(true);
export const DELETE = share(false);
