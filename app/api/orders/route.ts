import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { provenPhones } from "@/modules/auth/proven-phones";
import { withRoute } from "@/modules/auth/route-guard";
import { createOrderResponse } from "@/modules/orders/api";

// Public: guests buy too. A signed-in buyer's order is linked to their account.
export const POST = withRoute("public", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  return createOrderResponse(request, {
    locale: apiLocale(request),
    userId: user?.id ?? null,
    address: clientAddress(request.headers),
    provenPhones: await provenPhones(request, user?.id ?? null),
  });
});
