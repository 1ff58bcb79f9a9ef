import { withRoute } from "@/modules/auth/route-guard";
import { listWorkshopsResponse } from "@/modules/shop/api";
import { cachedShopLoaders } from "@/modules/shop/loaders";

// Every workshop, from the cache.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async () => listWorkshopsResponse(cachedShopLoaders));
