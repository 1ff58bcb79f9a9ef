// Benchmark: how long `npm start` takes until it serves, and the server's memory.
//   npx tsx scripts/bench/start.ts          later start (build current, data kept)
//   npx tsx scripts/bench/start.ts --clean  first start (no build, empty data dir)
// Each run uses a fresh port; --clean also deletes .next so the build is timed too.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/postgres";
import { root } from "../lib/run";
import type { Figure } from "./lib";

/** Targets of the foundation issue: a first start (with the build) under 5 minutes, a later one under 15 s, the server under 300 MB. */
const TARGET_FIRST_S = 300;
const TARGET_LATER_S = 15;
const TARGET_RSS_MB = 300;

function rssTreeKiB(pid: number): { total: number; server: number } {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,args="]).toString().trim().split("\n");
  const procs = rows.map((r) => {
    const [p, pp, rss, ...args] = r.trim().split(/\s+/);
    return { pid: Number(p), ppid: Number(pp), rss: Number(rss), args: args.join(" ") };
  });
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (tree.has(p.ppid) && !tree.has(p.pid)) grew = tree.add(p.pid).size > 0;
  }
  const members = procs.filter((p) => tree.has(p.pid));
  const server = members.filter((p) => /next-server|next start|next\/dist\/bin\/next/.test(p.args));
  return {
    total: members.reduce((s, p) => s + p.rss, 0),
    server: server.reduce((s, p) => s + p.rss, 0),
  };
}

async function timeToServe(child: ChildProcess, url: string, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error("npm start exited before serving");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return Date.now() - started;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** With `dataDir`, starts on that directory and leaves it (`npm run bench` serves the other benchmarks from it). */
export async function runStart({
  clean,
  dataDir: keptDataDir,
}: {
  clean: boolean;
  dataDir?: string;
}): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (clean) rmSync(path.join(root, ".next"), { recursive: true, force: true });
  const dataDir = keptDataDir ?? mkdtempSync(path.join(tmpdir(), "suoqian-bench-"));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/suoqian.db` };
  const runOnce = async (label: string) => {
    const started = Date.now();
    const child = spawn("npm", ["start", "--silent"], { cwd: root, env, stdio: "ignore", detached: true });
    const ms = await timeToServe(child, `http://127.0.0.1:${port}`, started);
    await fetch(`http://127.0.0.1:${port}/`); // one page render, as after a first visit
    await new Promise((r) => setTimeout(r, 2000));
    const rss = rssTreeKiB(child.pid ?? 0);
    // Only a start on data it already has is a "later start"; the first on new data migrates and seeds (and may build).
    const target = label.startsWith("later") ? TARGET_LATER_S : TARGET_FIRST_S;
    figures.push(
      {
        name: `start: ${label}`,
        value: `${(ms / 1000).toFixed(1)} s`,
        target: `< ${target} s`,
        ok: ms / 1000 < target,
      },
      {
        name: `start: ${label}, server memory`,
        value: `${(rss.server / 1024).toFixed(0)} MB`,
        target: `< ${TARGET_RSS_MB} MB`,
        ok: rss.server / 1024 < TARGET_RSS_MB,
      },
    );
    console.log(
      `${label}: serving after ${(ms / 1000).toFixed(1)} s; server RSS ${(rss.server / 1024).toFixed(0)} MB (whole npm start tree ${(rss.total / 1024).toFixed(0)} MB)`,
    );
    process.kill(-(child.pid ?? 0), "SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
  };
  await runOnce(clean ? "first start (build + migrate + seed)" : "start (build current, fresh data)");
  await runOnce("later start (same data)");
  if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runStart({ clean: process.argv.includes("--clean") }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
