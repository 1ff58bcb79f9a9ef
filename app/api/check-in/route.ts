import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { checkInResponse } from "@/modules/check-in/api";

// Organisers only; and only at the gates of festivals they organise (403 otherwise).
export const POST = withRoute("checkIn.perform", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  return checkInResponse(request, { locale: apiLocale(request), userId: user.id });
});
