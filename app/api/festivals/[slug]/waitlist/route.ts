import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { provenPhones } from "@/modules/auth/proven-phones";
import { withRoute } from "@/modules/auth/route-guard";
import { joinWaitlistResponse } from "@/modules/waitlist/api";

// Public: guests join too. A signed-in visitor's entry (and any offer) is linked to their account.
export const POST = withRoute(
  "public",
  async (request, ctx: RouteContext<"/api/festivals/[slug]/waitlist">, currentUser) => {
    const { slug } = await ctx.params;
    const user = await currentUser();
    return joinWaitlistResponse(request, slug, {
      locale: apiLocale(request),
      userId: user?.id ?? null,
      address: clientAddress(request.headers),
      provenPhones: await provenPhones(request, user?.id ?? null),
    });
  },
);
