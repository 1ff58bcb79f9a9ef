import { withRoute } from "@/modules/auth/route-guard";
import { appHealth, healthResponse } from "@/modules/health/check-database";

export const dynamic = "force-dynamic";

// Public by design (load balancers and uptime checks call it); reveals no data.
// 503 when the database does not answer, or lacks one of the app's migrations.
export const GET = withRoute("public", async () => healthResponse(await appHealth()));
