import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { listProductsResponse } from "@/modules/shop/api";
import { cachedShopLoaders } from "@/modules/shop/loaders";

// Products on sale: the list from the cache, the stock read live beside it.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async (request) =>
  listProductsResponse(new URL(request.url).searchParams.get("workshop"), apiLocale(request), cachedShopLoaders),
);
