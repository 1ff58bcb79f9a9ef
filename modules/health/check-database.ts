import "server-only";
import path from "node:path";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { pendingMigrations, readAppMigrations } from "./migrations";

/** Why the database is not fit to serve, as a code: the error text (hosts, users, paths) stays in the log. */
export type HealthReason = "database_unreachable" | "database_timeout" | "migrations_pending";

type Provider = "sqlite" | "postgresql";

export type DatabaseHealth =
  | { ok: true; provider: Provider }
  | { ok: false; provider: Provider; reason: "database_unreachable" | "database_timeout" }
  | { ok: false; provider: Provider; reason: "migrations_pending"; pending: string[] };

class Timeout extends Error {}

export type HealthCheckOptions = {
  db: Db;
  provider: Provider;
  /** The app's migrations (read once, when the check is made); null: unknown, not checked. */
  migrations: readonly string[] | null;
  timeoutMs?: number;
  /** How long the applied migrations are taken as known (ms). */
  cacheMs?: number;
  /** The time in ms (tests move it). */
  clock?: () => number;
};

/** The migrations the database has applied (finished, not rolled back); none when it has no migrations table. */
async function appliedMigrations(db: Db, provider: Provider): Promise<string[]> {
  const exists =
    provider === "sqlite"
      ? await db.$queryRaw<{ n: number | bigint }[]>`
          SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`
      : await db.$queryRaw<{ n: number | bigint }[]>`
          SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_prisma_migrations'`;
  if (Number(exists[0]?.n ?? 0) === 0) return [];
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((r) => r.migration_name);
}

/**
 * A health check: a round trip to the database on every call, given up on after
 * `timeoutMs`; the migrations the database lacks, asked at most once per `cacheMs`
 * (concurrent calls share one question).
 */
export function createHealthCheck(options: HealthCheckOptions): () => Promise<DatabaseHealth> {
  const { db, provider, migrations } = options;
  const timeoutMs = options.timeoutMs ?? 3000;
  const cacheMs = options.cacheMs ?? 5000;
  const clock = options.clock ?? Date.now;
  let known: { at: number; pending: string[] } | null = null;
  let asking: Promise<string[]> | null = null;

  const pending = async (): Promise<string[]> => {
    if (!migrations || migrations.length === 0) return [];
    if (known && clock() - known.at < cacheMs) return known.pending;
    asking ??= appliedMigrations(db, provider)
      .then((applied) => {
        const answer = pendingMigrations(migrations, applied);
        known = { at: clock(), pending: answer };
        return answer;
      })
      .finally(() => {
        asking = null;
      });
    return asking;
  };

  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const missing = await Promise.race([
        (async () => {
          await db.$queryRaw`SELECT 1`;
          return pending();
        })(),
        timeout,
      ]);
      if (missing.length > 0) return { ok: false, provider, reason: "migrations_pending", pending: missing };
      return { ok: true, provider };
    } catch (error) {
      log().error({ err: error }, "health check: the database did not answer");
      return { ok: false, provider, reason: error instanceof Timeout ? "database_timeout" : "database_unreachable" };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A round trip to a database, given up on after `timeoutMs` (migrations not asked). */
export function checkDatabase(db: Db, provider: Provider, timeoutMs = 3000): Promise<DatabaseHealth> {
  return createHealthCheck({ db, provider, migrations: null, timeoutMs })();
}

let appCheck: (() => Promise<DatabaseHealth>) | null = null;

/** The app's own check: its database, and the migrations folder of its provider, read once per process. */
export function appHealth(): Promise<DatabaseHealth> {
  if (!appCheck) {
    const provider = env.database.provider;
    const dir = path.join(process.cwd(), "prisma", "migrations", provider);
    const migrations = readAppMigrations(dir);
    if (!migrations) log().warn({ dir }, "health check: no migrations folder; pending migrations are not checked");
    appCheck = createHealthCheck({ db: appDb, provider, migrations });
  }
  return appCheck();
}

/** 200 {"status":"ok","database":…} when the database answers and is migrated, else 503 with a reason code. */
export function healthResponse(health: DatabaseHealth): Response {
  const headers = { "Cache-Control": "no-store" };
  if (health.ok) return Response.json({ status: "ok", database: health.provider }, { headers });
  const body =
    health.reason === "migrations_pending"
      ? { status: "error", database: health.provider, reason: health.reason, pending: health.pending }
      : { status: "error", database: health.provider, reason: health.reason };
  return Response.json(body, { status: 503, headers });
}
