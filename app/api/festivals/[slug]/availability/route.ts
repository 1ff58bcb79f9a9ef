import { apiLocale, apiMessage } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { findSessionAvailability } from "@/modules/festivals/find-festivals";

// The one live part of a festival page: seats left per session. Never cached.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/festivals/[slug]/availability">) => {
  const { slug } = await ctx.params;
  const sessions = await findSessionAvailability(slug);
  if (!sessions) {
    return Response.json(
      { error: "not_found", message: apiMessage(apiLocale(request), "errors.notFound") },
      { status: 404 },
    );
  }
  return Response.json({ sessions }, { headers: { "Cache-Control": "no-store" } });
});
