import type { NextRequest } from "next/server";
import { apiLocale } from "@/lib/i18n/api";
import { listRoutesResponse } from "@/modules/routes/api";
import { cachedRouteLoaders } from "@/modules/routes/loaders";

// Public: published routes only.
export function GET(request: NextRequest) {
  return listRoutesResponse(request.nextUrl.searchParams.get("category"), apiLocale(request), cachedRouteLoaders);
}
