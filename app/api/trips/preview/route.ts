import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { previewTripResponse } from "@/modules/trips/api";

// The planner's live view of a plan being edited (a guest's too): timeline,
// warnings and suggestions. Reads only; nothing is stored.
export const POST = withRoute("public", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  return previewTripResponse(request, user?.id ?? null, apiLocale(request));
});
