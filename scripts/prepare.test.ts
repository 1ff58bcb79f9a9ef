import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../modules/auth/password";
import { bin, root } from "./lib/run";

/** `env` overrides the environment; a value of undefined removes the variable. */
function prepare(
  env: Record<string, string | undefined>,
  dataDir = mkdtempSync(path.join(tmpdir(), "suoqian-prepare-")),
) {
  const database = `file:${path.join(dataDir, "suoqian.db")}`;
  const merged: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: database,
    ...env,
  };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const result = spawnSync(bin("tsx"), ["scripts/prepare.ts", "--no-build"], {
    cwd: root,
    encoding: "utf8",
    env: merged as NodeJS.ProcessEnv,
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

describe("npm start on PostgreSQL", () => {
  // Nothing listens on port 9: a start that got past the check would fail on the connection instead.
  const unreachable = "postgresql://postgres@127.0.0.1:9/suoqian";

  it.each([
    [{}, "AUTH_SECRET, TICKET_SECRET"],
    [{ AUTH_SECRET: "a".repeat(32) }, "TICKET_SECRET"],
    [{ TICKET_SECRET: "t".repeat(32) }, "AUTH_SECRET"],
  ])(
    "refuses without the shared secrets in the environment, in one line, before writing anything (%j)",
    (secrets, missing) => {
      const run = prepare({
        DATABASE_URL: unreachable,
        AUTH_SECRET: undefined,
        NEXTAUTH_SECRET: undefined,
        TICKET_SECRET: undefined,
        ...secrets,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toEqual([
        `✖ On PostgreSQL set AUTH_SECRET and TICKET_SECRET in the environment: every instance must share them (missing: ${missing})`,
      ]);
      expect(run.stdout).not.toContain("Migrating");
      // No per-machine secrets file was made for it.
      expect(readdirSync(run.dataDir)).toEqual([]);
    },
    30_000,
  );

  it("goes on to the database when both are set (NEXTAUTH_SECRET counts as AUTH_SECRET)", () => {
    const run = prepare({
      DATABASE_URL: unreachable,
      AUTH_SECRET: undefined,
      NEXTAUTH_SECRET: "n".repeat(32),
      TICKET_SECRET: "t".repeat(32),
    });
    expect(run.stdout).toContain("▸ Migrating the postgresql database…");
    expect(run.stderr).not.toContain("On PostgreSQL set");
    expect(readdirSync(run.dataDir)).not.toContain("secrets.json");
  }, 60_000);

  it("keeps generating the secrets on SQLite", () => {
    const run = prepare({
      AUTH_SECRET: undefined,
      NEXTAUTH_SECRET: undefined,
      TICKET_SECRET: undefined,
      SEED_DEMO_DATA: "false",
    });
    expect(run.status).toBe(0);
    const secrets = JSON.parse(readFileSync(path.join(run.dataDir, "secrets.json"), "utf8"));
    expect(secrets.authSecret).toHaveLength(43);
    expect(secrets.ticketSecret).toHaveLength(43);
  }, 60_000);
});

describe("npm start with demo data", () => {
  const demoLine = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("▸ Demo accounts:"));

  it("prints one line with where to sign in and this install's generated password", async () => {
    const first = prepare({ DEMO_PASSWORD: "" });
    expect(first.status).toBe(0);
    const [line] = demoLine(first.stdout);
    const password = /with the password (\S+)$/.exec(line ?? "")?.[1] ?? "";
    expect(line).toMatch(/sign in at http:\/\/localhost:\d+\/sign-in as admin@suoqian\.test/);
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(password).not.toBe("Suoqian2026!");
    const secrets = JSON.parse(readFileSync(path.join(first.dataDir, "secrets.json"), "utf8"));
    expect(secrets.demoPassword).toBe(password);
    // The accounts open with it, and not with the password old READMEs printed.
    const db = new Database(path.join(first.dataDir, "suoqian.db"), { readonly: true });
    const admin = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = 'admin@suoqian.test'`).get() as {
      passwordHash: string;
    };
    db.close();
    expect(await verifyPassword(admin.passwordHash, password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, "Suoqian2026!")).toBe(false);
  }, 60_000);

  it("uses DEMO_PASSWORD when it is set, also on an install that started without it, and goes back when it is unset", async () => {
    const first = prepare({ DEMO_PASSWORD: "" });
    const generated = /with the password (\S+)$/.exec(demoLine(first.stdout)[0] ?? "")?.[1] ?? "";
    const adminHash = () => {
      const db = new Database(path.join(first.dataDir, "suoqian.db"), { readonly: true });
      const row = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "email" = 'admin@suoqian.test'`).get() as {
        passwordHash: string;
      };
      db.close();
      return row.passwordHash;
    };
    const chosen = prepare({ DEMO_PASSWORD: "Orchard-Path-77" }, first.dataDir);
    expect(chosen.status).toBe(0);
    expect(demoLine(chosen.stdout)).toEqual([expect.stringMatching(/with the password Orchard-Path-77$/)]);
    expect(await verifyPassword(adminHash(), "Orchard-Path-77")).toBe(true);
    expect(await verifyPassword(adminHash(), generated)).toBe(false);
    const back = prepare({ DEMO_PASSWORD: "" }, first.dataDir);
    expect(demoLine(back.stdout)).toEqual([expect.stringMatching(new RegExp(`with the password ${generated}$`))]);
    expect(await verifyPassword(adminHash(), generated)).toBe(true);
  }, 90_000);

  it("prints no demo line when there is no demo data", () => {
    const run = prepare({ SEED_DEMO_DATA: "false" });
    expect(run.status).toBe(0);
    expect(demoLine(run.stdout)).toEqual([]);
  }, 60_000);

  it("refuses to start, in one line naming the file, when secrets.json is damaged", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "suoqian-prepare-"));
    writeFileSync(path.join(dataDir, "secrets.json"), "{ truncated");
    const run = prepare({ DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "suoqian.db")}` });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.join(dataDir, "secrets.json"));
    expect(readFileSync(path.join(dataDir, "secrets.json"), "utf8")).toBe("{ truncated");
  }, 30_000);

  it("refuses to start, in one line naming the file, when secrets.json was deleted from an install with data", () => {
    const first = prepare({ SEED_DEMO_DATA: "false" });
    expect(first.status).toBe(0);
    const file = path.join(first.dataDir, "secrets.json");
    const before = readFileSync(file, "utf8");
    rmSync(file);
    const run = prepare({ SEED_DEMO_DATA: "false" }, first.dataDir);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✖ .*secrets\.json is missing, but .*suoqian\.db holds data/);
    expect(readdirSync(first.dataDir)).not.toContain("secrets.json");
    // Restored from a backup, it starts again with the same secrets.
    writeFileSync(file, before);
    expect(prepare({ SEED_DEMO_DATA: "false" }, first.dataDir).status).toBe(0);
  }, 90_000);
});
