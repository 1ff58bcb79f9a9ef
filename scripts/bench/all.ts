// `npm run bench`: every benchmark, one after another (they share the machine's two
// cores, so never at once), then one table of every figure beside its target.
//   npm run bench                          start, pages, orders (SQLite; PostgreSQL with 2
//                                          instances behind a proxy), Lighthouse (beside a bare
//                                          Next.js page it builds in .tmp/bench-bare)
//   npm run bench -- --only lighthouse     some of them (start, pages, orders, instances, lighthouse)
//   npm run bench -- --instances 2 --db postgresql   the orders run on several instances (the default)
//   npm run bench -- --runs 5              Lighthouse pairs per page (the bare Next.js page, then
//                                          ours; medians reported; default 3)
//   npm run bench -- --only lighthouse --pages festival,home   Lighthouse on some of its pages
//   npm run bench -- --only lighthouse --explain   also where each page's main-thread time went
//   npm run bench -- --clean               the start bench deletes .next first (times the build)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type App, type Figure, flag, numberFlag, startApp } from "./lib";
import { runLighthouse } from "./lighthouse";
import { runOrders } from "./orders";
import { runPages } from "./pages";
import { runStart } from "./start";

const only = flag("only")?.split(",");
const wants = (name: string) => !only || only.includes(name);
const instances = numberFlag("instances", 2);
const db = flag("db") === "sqlite" ? "sqlite" : "postgresql";

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

async function main() {
  const figures: Figure[] = [];
  const failures: string[] = [];
  const section = async (name: string, fn: () => Promise<Figure[]>) => {
    if (!wants(name)) return;
    console.log(`\n━━ bench: ${name} ━━`);
    try {
      figures.push(...(await fn()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(`${name}: ${message}`);
      console.error(`✖ ${name} could not run: ${message}`);
    }
  };
  // One SQLite data directory (so one build) serves the start, orders, pages and
  // Lighthouse benchmarks, in that order (orders on servers fresh from their start, as the
  // orders benchmark alone runs it; after minutes of page load its p95 was 150 ms higher).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "suoqian-bench-all-"));
  let app: App | null = null;
  const shared = async () => {
    app ??= await startApp({ RATE_LIMIT_ORDERS: process.env.RATE_LIMIT_ORDERS ?? "1000000/1m" }, dataDir);
    return app;
  };
  try {
    await section("start", () => runStart({ clean: process.argv.includes("--clean"), dataDir }));
    // Its own starts on the same data directory (with and without the checks for unproven numbers).
    await section("orders", () => runOrders({ db: "sqlite", instances: 1, dataDir }));
    await section("pages", async () => runPages(await shared()));
    await section("lighthouse", async () => runLighthouse({ runs: numberFlag("runs", 3), app: await shared() }));
  } finally {
    (app as App | null)?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await section("instances", () => runOrders({ db, instances }));

  const width = Math.max(...figures.map((f) => f.name.length), 10);
  const valueWidth = Math.max(...figures.map((f) => f.value.length), 8);
  console.log(`\n━━ figures (${new Date().toISOString().slice(0, 16)}Z; ${machine()}) ━━`);
  console.log(`${"figure".padEnd(width)}  ${"measured".padEnd(valueWidth)}  target`);
  for (const f of figures) {
    const mark = f.ok === undefined ? " " : f.ok ? "✓" : "✖";
    console.log(`${f.name.padEnd(width)}  ${f.value.padEnd(valueWidth)}  ${f.target ?? ""} ${mark}`.trimEnd());
  }
  const missed = figures.filter((f) => f.ok === false).length;
  console.log(
    `\n${figures.filter((f) => f.ok).length} figures meet their target, ${missed} miss it${failures.length ? `; ${failures.length} benchmark(s) could not run` : ""}`,
  );
  for (const failure of failures) console.log(`  ✖ ${failure}`);
  if (missed > 0 || failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
