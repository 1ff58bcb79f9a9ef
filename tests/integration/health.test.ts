import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { createPrismaClient } from "../../lib/db-client";
import { checkDatabase, healthResponse } from "../../modules/health/check-database";
import { freePort } from "../../scripts/lib/postgres";
import { target } from "../support/db";

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
