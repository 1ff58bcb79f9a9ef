import { apiLocale } from "@/lib/i18n/api";
import { consumeLimit, tooManyRequests } from "@/lib/rate-limit/limiter";
import { withRoute } from "@/modules/auth/route-guard";
import { manifestResponse } from "@/modules/check-in/api";

// An offline gate's list of the day's tickets: organisers of that festival only (403; 404 for no such festival).
export const GET = withRoute("checkIn.perform", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  if (!user) throw new Error("withRoute let a stranger through");
  const limited = await consumeLimit("checkIn", user.id);
  if (!limited.ok) return tooManyRequests(apiLocale(request), limited.retryAfterSeconds);
  return manifestResponse(request, { locale: apiLocale(request), userId: user.id });
});
