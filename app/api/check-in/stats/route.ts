import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { gateCountsResponse } from "@/modules/check-in/api";

// The gate's counter: checked in / valid tickets for a session (or all of today's).
export const GET = withRoute("checkIn.perform", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  return gateCountsResponse(request, { locale: apiLocale(request), userId: user.id });
});
