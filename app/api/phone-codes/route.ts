import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { sendCodeResponse } from "@/modules/auth/phone-code-api";
import { withRoute } from "@/modules/auth/route-guard";

// Public: texts a sign-in or verification code to a mainland mobile number (with a solved challenge).
export const POST = withRoute("public", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  return sendCodeResponse(request, {
    locale: apiLocale(request),
    address: clientAddress(request.headers),
    userId: user?.id ?? null,
  });
});
