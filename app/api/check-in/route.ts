import { apiLocale } from "@/lib/i18n/api";
import { consumeLimit, tooManyRequests } from "@/lib/rate-limit/limiter";
import { withRoute } from "@/modules/auth/route-guard";
import { checkInResponse } from "@/modules/check-in/api";

// Organisers only; and only at the gates of festivals they organise (403 otherwise).
export const POST = withRoute("checkIn.perform", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  const limited = await consumeLimit("checkIn", user.id);
  if (!limited.ok) return tooManyRequests(apiLocale(request), limited.retryAfterSeconds);
  return checkInResponse(request, { locale: apiLocale(request), userId: user.id });
});
