// Starts a throwaway PostgreSQL cluster on loopback for tests and benchmarks,
// and stops it again. Uses the server binaries Debian installs (initdb, pg_ctl).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type RunningPostgres = { url: (database: string) => string; port: number; stop: () => void };

function findBin(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse()) {
      const p = path.join(base, v, "bin", name);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(databases: string[]): Promise<RunningPostgres> {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them with: apt-get install -y postgresql",
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "suoqian-pg-"));
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: hand the cluster to the postgres user.
  const run = (bin: string, args: string[]) => {
    if (asRoot) {
      const cmd = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { stdio: "pipe" });
    } else {
      execFileSync(bin, args, { stdio: "pipe" });
    }
  };
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  try {
    run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
    run(pgCtl, [
      "-D",
      data,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
      "-l",
      path.join(dir, "log"),
      "-w",
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: url("postgres") });
  await admin.connect();
  for (const db of databases) await admin.query(`CREATE DATABASE "${db}"`);
  await admin.end();
  let stopped = false;
  return {
    url,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
