import "server-only";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";

/** Why the database did not answer, as a code: the error text (hosts, users, paths) stays in the log. */
export type HealthReason = "database_unreachable" | "database_timeout";

export type DatabaseHealth =
  | { ok: true; provider: "sqlite" | "postgresql" }
  | { ok: false; provider: "sqlite" | "postgresql"; reason: HealthReason };

class Timeout extends Error {}

/** A round trip to the database, given up on after `timeoutMs`. */
export async function checkDatabase(
  db: Db = appDb,
  provider: "sqlite" | "postgresql" = env.database.provider,
  timeoutMs = 3000,
): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, provider };
  } catch (error) {
    console.error("health check: the database did not answer:", error);
    return { ok: false, provider, reason: error instanceof Timeout ? "database_timeout" : "database_unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

/** 200 {"status":"ok","database":…} when the database answers, else 503 with a reason code. */
export function healthResponse(health: DatabaseHealth): Response {
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: health.provider }, { headers });
  return Response.json({ status: "error", database: health.provider, reason: health.reason }, { status: 503, headers });
}
