import { withRoute } from "@/modules/auth/route-guard";
import { checkDatabase, healthResponse } from "@/modules/health/check-database";

export const dynamic = "force-dynamic";

// Public by design (load balancers and uptime checks call it); reveals no data.
export const GET = withRoute("public", async () => healthResponse(await checkDatabase()));
