import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { stockResponse } from "@/modules/shop/api";
import { cachedShopLoaders } from "@/modules/shop/loaders";

// The one live part of the shop pages: stock left. Never cached.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async (request) =>
  stockResponse(new URL(request.url).searchParams.get("ids"), apiLocale(request), cachedShopLoaders),
);
