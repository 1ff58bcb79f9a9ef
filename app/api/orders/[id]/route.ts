import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { orderResponse } from "@/modules/orders/api";

// Public route, private data: the order's access token or its signed-in owner.
export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/orders/[id]">, currentUser) => {
  const { id } = await ctx.params;
  const user = await currentUser();
  return orderResponse(id, request, { locale: apiLocale(request), userId: user?.id ?? null });
});
