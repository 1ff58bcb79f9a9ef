import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import type { DatabaseTarget } from "../../lib/database-url";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { checkDatabase, createHealthCheck, healthResponse } from "../../modules/health/check-database";
import { readAppMigrations } from "../../modules/health/migrations";
import { freePort } from "../../scripts/lib/postgres";
import { root } from "../../scripts/lib/run";
import { target, testDb } from "../support/db";

describe("GET /api/health", () => {
  it("answers 200 with the database in use", async () => {
    const response = await GET(new Request("http://127.0.0.1/api/health"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: target.provider });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("checkDatabase", () => {
  const dead = createPrismaClient({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/none" });
  afterAll(() => dead.$disconnect());

  it("reports an unreachable database as 503 with a reason code, never the database's error text", async () => {
    const health = await checkDatabase(dead, "postgresql", 3000);
    expect(health.ok).toBe(false);
    const response = healthResponse(health);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "error",
      database: "postgresql",
      reason: "database_unreachable",
    });
  });

  it("gives up on a database that does not answer", async () => {
    // A port that accepts connections but never speaks PostgreSQL.
    const net = await import("node:net");
    const port = await freePort();
    const silent = net.createServer(() => {}).listen(port, "127.0.0.1");
    const client = createPrismaClient({ provider: "postgresql", url: `postgresql://postgres@127.0.0.1:${port}/x` });
    const started = Date.now();
    const health = await checkDatabase(client, "postgresql", 500);
    expect(health).toEqual({ ok: false, provider: "postgresql", reason: "database_timeout" });
    expect(Date.now() - started).toBeLessThan(4000);
    silent.close();
    await client.$disconnect().catch(() => {});
  });
});

describe("pending migrations", () => {
  const appMigrations = readAppMigrations(path.join(root, "prisma", "migrations", target.provider)) ?? [];
  const scratch = mkdtempSync(path.join(tmpdir(), "suoqian-health-"));
  let empty: DatabaseTarget;
  let emptyDb: Db;

  beforeAll(async () => {
    // A database of this run's provider that no migration has touched.
    if (target.provider === "sqlite") {
      const file = path.join(scratch, "empty.db");
      empty = { provider: "sqlite", file, url: `file:${file}` };
    } else {
      const name = `health_${Date.now()}`;
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(target.url);
      url.pathname = `/${name}`;
      empty = { provider: "postgresql", url: url.toString() };
    }
    emptyDb = createPrismaClient(empty);
  });

  afterAll(async () => {
    await emptyDb.$disconnect();
    if (empty.provider === "postgresql") {
      const admin = new pg.Client({ connectionString: target.url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(empty.url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it("reads the app's migrations folder: the folders holding a migration.sql, in order", () => {
    expect(appMigrations.length).toBeGreaterThan(3);
    expect(appMigrations).toEqual([...appMigrations].sort());
    const dir = path.join(scratch, "migrations");
    mkdirSync(path.join(dir, "20270101000000_b"), { recursive: true });
    mkdirSync(path.join(dir, "20260101000000_a"), { recursive: true });
    mkdirSync(path.join(dir, "20280101000000_no_sql"), { recursive: true });
    writeFileSync(path.join(dir, "20270101000000_b", "migration.sql"), "SELECT 1;");
    writeFileSync(path.join(dir, "20260101000000_a", "migration.sql"), "SELECT 1;");
    writeFileSync(path.join(dir, "migration_lock.toml"), "");
    expect(readAppMigrations(dir)).toEqual(["20260101000000_a", "20270101000000_b"]);
    expect(readAppMigrations(path.join(scratch, "absent"))).toBeNull();
  });

  it("is ok on the run's migrated database", async () => {
    const check = createHealthCheck({ db: testDb, provider: target.provider, migrations: appMigrations });
    expect(await check()).toEqual({ ok: true, provider: target.provider });
  });

  it("answers 503 migrations_pending with the names the database lacks", async () => {
    const future = "29991231000000_future";
    const check = createHealthCheck({ db: testDb, provider: target.provider, migrations: [...appMigrations, future] });
    const health = await check();
    expect(health).toEqual({ ok: false, provider: target.provider, reason: "migrations_pending", pending: [future] });
    const response = healthResponse(health);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "error",
      database: target.provider,
      reason: "migrations_pending",
      pending: [future],
    });
  });

  it("counts every migration as pending on a database without a migrations table", async () => {
    const check = createHealthCheck({ db: emptyDb, provider: target.provider, migrations: appMigrations, cacheMs: 0 });
    expect(await check()).toMatchObject({ reason: "migrations_pending", pending: appMigrations });
  });

  it("counts a rolled-back or unfinished migration as pending; asks again only after the cache time", async () => {
    const [first, second, third, ...rest] = appMigrations;
    await emptyDb.$executeRawUnsafe(
      "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY, migration_name VARCHAR(255) NOT NULL, finished_at TIMESTAMP NULL, rolled_back_at TIMESTAMP NULL)",
    );
    await emptyDb.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations VALUES ('1', '${first}', CURRENT_TIMESTAMP, NULL), ('2', '${second}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), ('3', '${third}', NULL, NULL)`,
    );
    let now = 0;
    const cached = createHealthCheck({
      db: emptyDb,
      provider: target.provider,
      migrations: appMigrations,
      cacheMs: 60_000,
      clock: () => now,
    });
    expect(await cached()).toMatchObject({ reason: "migrations_pending", pending: [second, third, ...rest] });

    // The database catches up; the cached answer stands until the cache time has passed.
    const values = [second, third, ...rest]
      .map((name, i) => `('x${i}', '${name}', CURRENT_TIMESTAMP, NULL)`)
      .join(", ");
    await emptyDb.$executeRawUnsafe(`INSERT INTO _prisma_migrations VALUES ${values}`);
    now = 59_000;
    expect(await cached()).toMatchObject({ reason: "migrations_pending" });
    now = 61_000;
    expect(await cached()).toEqual({ ok: true, provider: target.provider });
  });

  it("still reports an unreachable database as such, whatever the migrations", async () => {
    const dead = createPrismaClient({ provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/none" });
    const check = createHealthCheck({ db: dead, provider: "postgresql", migrations: appMigrations });
    expect(await check()).toEqual({ ok: false, provider: "postgresql", reason: "database_unreachable" });
    await dead.$disconnect().catch(() => {});
  });
});
