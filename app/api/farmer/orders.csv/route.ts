import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { shanghaiDateTimeText } from "@/lib/dates";
import { apiLocale } from "@/lib/i18n/api";
import { UserError } from "@/lib/user-error";
import { approvedFarmer } from "@/modules/auth/farmer-scope";
import { withRoute } from "@/modules/auth/route-guard";
import { farmerLinesCsv, parseLineFilter } from "@/modules/farmers/order-line-queries";

// The farmer's own order lines as a spreadsheet, with the inbox's filters.
export const GET = withRoute("farmerOrders.manageOwn", async (request, _ctx, currentUser) => {
  const locale = apiLocale(request);
  let farmer: Awaited<ReturnType<typeof approvedFarmer>>;
  try {
    farmer = await approvedFarmer(await currentUser());
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return apiErrorResponse(new ApiError("forbidden", "errors.forbidden"), locale);
  }
  const csv = await farmerLinesCsv(farmer, parseLineFilter(new URL(request.url).searchParams), locale);
  const stamp = shanghaiDateTimeText(new Date()).replace(/[-: ]/g, "").slice(0, 12);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
