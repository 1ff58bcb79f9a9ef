import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../../lib/database-url";
import { migrateDeploy } from "../../scripts/lib/database";
import { bin, root } from "../../scripts/lib/run";
import { target } from "../support/db";

/** An empty database of the same provider, beside the one under test. */
async function scratchDatabase(): Promise<DatabaseTarget> {
  if (target.provider === "sqlite") {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "suoqian-scratch-")), "scratch.db");
    return { provider: "sqlite", file, url: `file:${file}` };
  }
  const url = new URL(target.url);
  const name = `scratch_${Date.now()}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return { provider: "postgresql", url: url.toString() };
}

/**
 * `prisma db push` compares a database with the schema and says whether they differ.
 * With a driver adapter it prints its verdict but does not exit, so the verdict ends it.
 */
function dbPushVerdict(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("prisma"), ["db", "push", "--skip-generate"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => finish(new Error(`no verdict from prisma db push:\n${out}`)), 45_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      if (error) reject(error);
      else resolve(out);
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/already in sync|now in sync|Error|error:/.test(out)) finish();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => finish());
  });
}

describe(`committed ${target.provider} migrations`, () => {
  it("build exactly the schema in prisma/schema.prisma", async () => {
    const scratch = await scratchDatabase();
    migrateDeploy(scratch);
    expect(await dbPushVerdict(scratch.url)).toContain("already in sync");
  }, 60_000);
});
