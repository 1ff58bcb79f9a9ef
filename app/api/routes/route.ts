import { apiLocale } from "@/lib/i18n/api";
import { withRoute } from "@/modules/auth/route-guard";
import { listRoutesResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

// Published routes only.
export const GET = withRoute("public", async (request) =>
  listRoutesResponse(new URL(request.url).searchParams.get("category"), apiLocale(request), cachedRouteLoaders),
);
