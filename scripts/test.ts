// `npm test`: lint (with the import rule), types, unit tests, integration tests against
// a real SQLite file and a real PostgreSQL server started here, then Playwright journeys
// in Chromium against a production install (a clean copy, npm ci --omit=dev, npm start),
// then two instances on PostgreSQL, Redis and
// S3 behind a round-robin proxy (scripts/two-instances.ts). Ends with one "N passed,
// N failed" line.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPaymentApp } from "./lib/payment-app";
import { freePort, type RunningPostgres, startPostgres } from "./lib/postgres";
import { productionInstall } from "./lib/production-install";
import { hasRedisServer } from "./lib/redis";
import { bin, root, run } from "./lib/run";
import { runTwoInstances } from "./two-instances";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The demo accounts' password for this run: never a fixed one (seeds, the e2e server and Playwright share it).
process.env.DEMO_PASSWORD ||= `Run-${randomBytes(6).toString("hex")}`;
// e.g. `npm test -- unit integration`, or `npm test -- e2e e2e/gate.spec.ts` for some journeys only.
const args = process.argv.slice(2);
const specs = args.filter((a) => a.endsWith(".spec.ts"));
const only = args.filter((a) => !specs.includes(a));
const wants = (step: string) => only.length === 0 || only.includes(step);

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "suoqian-test-"));
let postgres: RunningPostgres | null = null;
let server: ChildProcess | null = null;

/** `npm start` runs a small process tree; stop all of it. */
function stopServer() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  server = null;
}

function cleanup() {
  stopServer();
  postgres?.stop();
  postgres = null;
  rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

async function step(name: string, fn: () => Promise<void> | void) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  await fn();
  timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function checkPrerequisites() {
  const missing: string[] = [];
  if (wants("e2e") && !existsSync(CHROMIUM)) {
    missing.push(
      `Chromium not found at ${CHROMIUM}. Install it: apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk`,
    );
  }
  const hasPg = spawnSync("sh", ["-c", "command -v initdb || ls /usr/lib/postgresql/*/bin/initdb"], {
    stdio: "ignore",
  });
  if ((wants("integration") || wants("instances")) && hasPg.status !== 0) {
    missing.push("PostgreSQL server binaries not found. Install them: apt-get install -y postgresql");
  }
  // The backup round trip (tests/integration/backup.test.ts) runs pg_dump and pg_restore.
  const hasPgDump = spawnSync("sh", ["-c", "ls /usr/lib/postgresql/*/bin/pg_restore || command -v pg_restore"], {
    stdio: "ignore",
  });
  if (wants("integration") && hasPg.status === 0 && hasPgDump.status !== 0) {
    missing.push("pg_dump and pg_restore not found. Install them: apt-get install -y postgresql-client");
  }
  if (wants("instances") && !hasRedisServer()) {
    missing.push("redis-server not found. Install it: apt-get install -y redis-server");
  }
  if (missing.length > 0) {
    for (const m of missing) console.error(`✖ ${m}`);
    process.exit(1);
  }
}

function countVitest(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function vitest(project: string, env: Record<string, string>, label: string) {
  const report = path.join(scratch, `vitest-${label}.json`);
  const result = spawnSync(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { cwd: root, stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (existsSync(report)) countVitest(report);
  if (result.status !== 0) throw new Error(`${label} tests failed`);
}

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer on ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  checkPrerequisites();
  if (wants("lint")) {
    await step("lint and format (biome), the import rule (dependency-cruiser)", () => {
      run("biome", bin("biome"), ["check", "."]);
      run("the import rule", "npm", ["run", "--silent", "lint:layers"]);
    });
  }
  if (wants("types")) {
    await step("type check", () => {
      run("next typegen", bin("next"), ["typegen"]);
      run("tsc", bin("tsc"), ["--noEmit"]);
    });
  }
  if (wants("unit")) await step("unit tests", () => vitest("unit", {}, "unit"));
  if (wants("integration")) {
    await step("integration tests · SQLite", () =>
      vitest("integration", { DATABASE_URL: `file:${path.join(scratch, "integration.db")}` }, "sqlite"),
    );
    await step("integration tests · PostgreSQL", async () => {
      postgres = await startPostgres(["suoqian_test"]);
      try {
        vitest("integration", { DATABASE_URL: postgres.url("suoqian_test") }, "postgresql");
      } finally {
        postgres.stop();
        postgres = null;
      }
    });
  }
  if (wants("e2e")) {
    await step(
      "a production install (npm ci --omit=dev), npm start on an empty data dir, then end-to-end journeys (Playwright, Chromium)",
      async () => {
        // A first start on an empty machine: no database, no secrets, nothing set up, and an
        // install as an operator makes one (a clean copy, npm ci --omit=dev: no devDependencies).
        const app = productionInstall(path.join(scratch, "production"));
        if (existsSync(path.join(app, "node_modules", "vitest"))) {
          throw new Error("the production install holds devDependencies (vitest): npm ci --omit=dev did not omit them");
        }
        const port = await freePort();
        const baseURL = `http://127.0.0.1:${port}`;
        const dataDir = path.join(scratch, "e2e-data");
        const env = {
          ...process.env,
          NODE_ENV: "production" as const,
          PORT: String(port),
          DATA_DIR: dataDir,
          DATABASE_URL: `file:${path.join(dataDir, "suoqian.db")}`,
          NEXTAUTH_URL: baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          // One JSON line per API request would bury the journeys' output: warnings and errors only.
          LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
          // Every browser of this run comes from 127.0.0.1: the per-address caps on unproven
          // holds would count all journeys as one crowd (their rule: phone-verification.test.ts).
          HOLD_LIMIT_ADDRESS_SESSION: "off",
          HOLD_LIMIT_ADDRESS: "off",
        };
        // Exactly what a user runs: migrate, seed, build (prerendered from this database), serve.
        server = spawn("npm", ["start", "--silent"], { cwd: app, env, stdio: "inherit", detached: true });
        const starting = Date.now();
        await waitForServer(baseURL, 300_000);
        console.log(`npm start served after ${((Date.now() - starting) / 1000).toFixed(1)} s`);
        // The production install built, migrated, seeded and serves: counted as a test of its own.
        console.log("✓ a production install (npm ci --omit=dev && npm start) serves");
        tally.passed++;
        // A second server of the same install and data, paid with WeChat Pay and Alipay
        // through their local peers (the payment journeys); the first stays in demo mode.
        const payments = await startPaymentApp(app, env);
        const report = path.join(scratch, "e2e.json");
        let status: number | null;
        try {
          // Not spawnSync: the payment peers answer from this process while the journeys run.
          const playwright = spawn(bin("playwright"), ["test", ...specs], {
            cwd: root,
            stdio: "inherit",
            env: {
              ...process.env,
              E2E_BASE_URL: baseURL,
              E2E_APP_DIR: app,
              E2E_JSON_REPORT: report,
              E2E_PAY_URL: payments.url,
              E2E_WECHATPAY_URL: payments.wechat.url,
              E2E_ALIPAY_URL: payments.alipay.origin,
              CHROMIUM_PATH: CHROMIUM,
            },
          });
          status = await new Promise<number | null>((resolve) => playwright.on("exit", (code) => resolve(code)));
        } finally {
          await payments.stop();
        }
        if (existsSync(report)) {
          const stats = (
            JSON.parse(readFileSync(report, "utf8")) as {
              stats: { expected: number; unexpected: number; flaky: number; skipped: number };
            }
          ).stats;
          tally.passed += stats.expected + stats.flaky;
          tally.failed += stats.unexpected;
          tally.skipped += stats.skipped;
        }
        stopServer();
        if (status !== 0) throw new Error("end-to-end tests failed");
      },
    );
  }
  if (wants("instances") && specs.length === 0) {
    await step("two instances on PostgreSQL, Redis and S3 behind a round-robin proxy", async () => {
      const results = await runTwoInstances();
      for (const r of results) {
        if (r.ok) tally.passed++;
        else tally.failed++;
      }
      if (results.some((r) => !r.ok)) throw new Error("two-instance checks failed");
    });
  }
}

main()
  .then(() => {
    cleanup();
    console.log(`\n${timings.join("\n")}`);
    console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  })
  .catch((error: unknown) => {
    cleanup();
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    console.log(`\n${timings.join("\n")}`);
    console.log(`\n${tally.passed} passed, ${Math.max(tally.failed, 1)} failed, ${tally.skipped} skipped`);
    process.exit(1);
  });
