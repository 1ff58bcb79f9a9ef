import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bin, root } from "./lib/run";

function prepare(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "suoqian-prepare-"));
  const database = `file:${path.join(dataDir, "suoqian.db")}`;
  const result = spawnSync(bin("tsx"), ["scripts/prepare.ts", "--no-build"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: database, ...env },
  });
  return { ...result, dataDir };
}

describe("npm start with a bad setting", () => {
  // The database stays uncreated: the start stopped before migrating.
  it.each([
    [{ DATABASE_URL: "mysql://localhost/suoqian" }, "DATABASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ SEED_DEMO_DATA: "maybe" }, "SEED_DEMO_DATA"],
  ])(
    "stops before touching anything, with one line naming the setting (%j)",
    (env, setting) => {
      const run = prepare(env);
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^✖ Invalid setting ${setting}\\b`));
      expect(readdirSync(run.dataDir)).not.toContain("suoqian.db");
    },
    30_000,
  );
});
