import { withRoute } from "@/modules/auth/route-guard";
import { findFestivalsForSale } from "@/modules/festivals/festival-queries";
import { releaseExpiredHolds } from "@/modules/inventory/release-expired-holds";

// Live inventory: never cached, seats from expired holds returned first.
export const dynamic = "force-dynamic";

export const GET = withRoute("public", async () => {
  await releaseExpiredHolds();
  return Response.json({ festivals: await findFestivalsForSale() }, { headers: { "Cache-Control": "no-store" } });
});
