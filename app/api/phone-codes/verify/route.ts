import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { verifyCodeResponse } from "@/modules/auth/phone-code-api";
import { withRoute } from "@/modules/auth/route-guard";

// Public: the texted code proves the number in this browser (checkout, waiting list).
export const POST = withRoute("public", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  return verifyCodeResponse(request, {
    locale: apiLocale(request),
    address: clientAddress(request.headers),
    userId: user?.id ?? null,
  });
});
