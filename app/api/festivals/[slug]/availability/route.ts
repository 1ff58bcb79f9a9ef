import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { findSessionAvailability } from "@/modules/festivals/festival-queries";

// The one live part of a festival page: seats left per session. Never cached.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/festivals/[slug]/availability">) => {
  const { slug } = await ctx.params;
  const sessions = await findSessionAvailability(slug);
  if (!sessions) return apiErrorResponse(new ApiError("not_found", "errors.notFound"), apiLocale(request));
  return Response.json({ sessions }, { headers: { "Cache-Control": "no-store" } });
});
