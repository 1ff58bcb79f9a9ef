import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { shanghaiDateTimeText } from "@/lib/dates";
import { apiLocale } from "@/lib/i18n/api";
import { findManagedFestival } from "@/modules/auth/festival-scope";
import { withRoute } from "@/modules/auth/route-guard";
import { bookingsCsv } from "@/modules/bookings/export-bookings";
import { parseBookingFilter } from "@/modules/bookings/filter";

// The organiser's bookings export, with the same filters as the bookings page.
export const GET = withRoute(
  "bookings.manage",
  async (request, ctx: RouteContext<"/api/festivals/[slug]/bookings.csv">, currentUser) => {
    const locale = apiLocale(request);
    const user = await currentUser();
    const festival = user ? await findManagedFestival(user, (await ctx.params).slug) : null;
    if (!festival) return apiErrorResponse(new ApiError("not_found", "errors.notFound"), locale);
    const filter = parseBookingFilter(new URL(request.url).searchParams);
    const csv = await bookingsCsv(festival.id, filter, locale);
    const stamp = shanghaiDateTimeText(new Date()).replace(/[-: ]/g, "").slice(0, 12);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${festival.slug}-bookings-${stamp}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
