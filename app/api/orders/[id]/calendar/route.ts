import { apiLocale, apiMessage } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { findOrderForCaller } from "@/modules/orders/find-order";
import { orderCalendar } from "@/modules/tickets/calendar";

// Public route, private data: the order's access token (?token=) or its signed-in owner.
export const GET = withRoute("public", async (request, ctx: RouteContext<"/api/orders/[id]/calendar">, currentUser) => {
  const { id } = await ctx.params;
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const user = await currentUser();
  const locale = apiLocale(request);
  const order = await findOrderForCaller(id, token, user?.id ?? null);
  if (!order || order.tickets.length === 0) {
    return Response.json({ error: "not_found", message: apiMessage(locale, "errors.notFound") }, { status: 404 });
  }
  const orderUrl = `${url.origin}${locale === "en" ? "/en" : ""}/orders/${order.id}${token ? `?token=${token}` : ""}`;
  return new Response(orderCalendar(order, locale === "en" ? "en" : "zh", orderUrl), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="suoqian-${order.code}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
});
