import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { leaveWaitlistResponse } from "@/modules/waitlist/api";

// Public: the entry's token (from the confirmation mail) is the permission.
export const DELETE = withRoute("public", async (request, ctx: RouteContext<"/api/festivals/[slug]/waitlist/[id]">) => {
  const { slug, id } = await ctx.params;
  return leaveWaitlistResponse(request, slug, id, apiLocale(request));
});
