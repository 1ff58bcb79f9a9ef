import { NextResponse } from "next/server";
import { checkDatabase } from "@/modules/health/check-database";

export const dynamic = "force-dynamic";

// Public by design (load balancers and uptime checks call it); reveals no data.
export async function GET() {
  const health = await checkDatabase();
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return NextResponse.json({ status: "ok", database: health.provider }, { headers });
  return NextResponse.json(
    { status: "error", database: health.provider, reason: health.reason },
    { status: 503, headers },
  );
}
