import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { apiLocale } from "@/lib/i18n/api";
import { findManagedFestival } from "@/modules/auth/festival-scope";
import { withRoute } from "@/modules/auth/route-guard";
import { heldSeatsByAddress } from "@/modules/bookings/held-seats";

// The organiser's held-seats page as JSON: per session, seats sold and held unpaid, and
// the unpaid holds by client address, largest groups first. `?session=` for one session.
export const GET = withRoute(
  "bookings.manage",
  async (request, ctx: RouteContext<"/api/festivals/[slug]/holds">, currentUser) => {
    const user = await currentUser();
    const festival = user ? await findManagedFestival(user, (await ctx.params).slug) : null;
    if (!festival) return apiErrorResponse(new ApiError("not_found", "errors.notFound"), apiLocale(request));
    const sessionId = new URL(request.url).searchParams.get("session")?.slice(0, 64) || undefined;
    const sessions = await heldSeatsByAddress(festival.id, { sessionId });
    return Response.json({ sessions }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
