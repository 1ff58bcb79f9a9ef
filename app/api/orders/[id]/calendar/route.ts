import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { orderToken } from "@/modules/orders/api";
import { findOrderForCaller } from "@/modules/orders/queries";
import { orderCalendar } from "@/modules/tickets/calendar";

// Public route, private data: the same access as the order (Authorization: Bearer,
// ?token=, or the signed-in owner). The file itself carries no secret: it is
// shared with whoever the buyer shares a calendar with, so its link is the order
// page without the token.
export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/orders/[id]/calendar">, currentUser) => {
  const { id } = await ctx.params;
  const url = new URL(request.url);
  const user = await currentUser();
  const locale = apiLocale(request);
  const order = await findOrderForCaller(id, orderToken(request), user?.id ?? null);
  if (!order || order.tickets.length === 0) {
    return apiErrorResponse(new ApiError("not_found", "errors.notFound"), locale);
  }
  const orderUrl = `${url.origin}${locale === "en" ? "/en" : ""}/orders/${order.id}`;
  return new Response(orderCalendar(order, locale === "en" ? "en" : "zh", orderUrl), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="suoqian-${order.code}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
