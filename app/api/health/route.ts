import { checkDatabase, healthResponse } from "@/modules/health/check-database";

export const dynamic = "force-dynamic";

// Public by design (load balancers and uptime checks call it); reveals no data.
export async function GET() {
  return healthResponse(await checkDatabase());
}
