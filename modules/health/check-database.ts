import "server-only";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type DatabaseHealth =
  | { ok: true; provider: "sqlite" | "postgresql" }
  | { ok: false; provider: "sqlite" | "postgresql"; reason: string };

/** A round trip to the database, given up on after `timeoutMs`. */
export async function checkDatabase(
  db: Db = appDb,
  provider: "sqlite" | "postgresql" = env.database.provider,
  timeoutMs = 3000,
): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, provider };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] || error.name : "unreachable";
    return { ok: false, provider, reason: `database unreachable: ${reason}` };
  } finally {
    clearTimeout(timer);
  }
}

/** 200 {"status":"ok","database":…} when the database answers, else 503 with the reason. */
export function healthResponse(health: DatabaseHealth): Response {
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: health.provider }, { headers });
  return Response.json({ status: "error", database: health.provider, reason: health.reason }, { status: 503, headers });
}
