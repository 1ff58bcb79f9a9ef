import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort } from "../lib/postgres";
import { root } from "../lib/run";

export type App = { url: string; child: ChildProcess; env: Record<string, string | undefined>; stop: () => void };

/**
 * `npm start` on a fresh data directory (or the given one, kept afterwards) and port;
 * resolves once /api/health answers. The build is reused when the database is the same.
 */
export async function startApp(extraEnv: Record<string, string> = {}, keptDataDir?: string): Promise<App> {
  const dataDir = keptDataDir ?? mkdtempSync(path.join(tmpdir(), "suoqian-bench-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${dataDir}/suoqian.db`,
    NEXTAUTH_URL: url,
    ...extraEnv,
  };
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-(child.pid ?? 0), "SIGTERM");
    } catch {
      // gone
    }
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("npm start exited");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, env, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error("the app did not start within 5 minutes");
}

export type LoadResult = {
  /** Latency of each answer, by status (ms, from writing the request to the last byte of the answer). */
  latencies: Map<number, number[]>;
  /** When the first answer with `stopStatus` came, ms after the burst began (0 if none). */
  firstStopAt: number;
  /** ms from the burst's start to the last answer. */
  elapsed: number;
  errors: number;
};

/**
 * `connections` clients each send a body to `url` one request after another
 * until `amount` requests were sent. With `warmConnections`, every connection is
 * opened first (by a GET of `warmPath`) and kept alive, as a browser that shows
 * the page already has one; without, all connect at the moment of the burst.
 */
export async function burst(options: {
  url: string;
  /** The request body, or the body of the n-th request. */
  body: string | ((n: number) => string);
  connections: number;
  amount: number;
  warmConnections: boolean;
  warmPath?: string;
  stopStatus?: number;
  /** Headers of the c-th client's requests (e.g. the address a trusted proxy names it by). */
  headers?: (client: number) => Record<string, string>;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
  });
  const send = (method: string, pathname: string, body?: string, extra: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method,
          path: pathname,
          headers: {
            ...extra,
            ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  if (options.warmConnections) {
    // All at once, so the agent opens one socket per client and keeps each.
    await Promise.all(Array.from({ length: options.connections }, () => send("GET", options.warmPath ?? "/")));
  }
  const latencies = new Map<number, number[]>();
  let sent = 0;
  let errors = 0;
  let firstStopAt = 0;
  const started = performance.now();
  const client = async (_: unknown, c: number) => {
    const headers = options.headers?.(c) ?? {};
    while (sent < options.amount) {
      const n = sent++;
      const body = typeof options.body === "string" ? options.body : options.body(n);
      const t = performance.now();
      try {
        const status = await send("POST", target.pathname, body, headers);
        const done = performance.now();
        const list = latencies.get(status) ?? [];
        list.push(done - t);
        latencies.set(status, list);
        if (status === options.stopStatus && !firstStopAt) firstStopAt = done - started;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const elapsed = performance.now() - started;
  agent.destroy();
  return { latencies, firstStopAt, elapsed, errors };
}

/**
 * The c-th buyer's own address, as a trusted proxy in front of the app names it
 * (X-Forwarded-For; the app runs with TRUST_PROXY=loopback): 198.18.0.0/15, the
 * range set aside for benchmarks (RFC 2544). Per-address limits count each buyer apart.
 */
export const buyerAddress = (c: number): Record<string, string> => ({
  "x-forwarded-for": `198.${18 + ((c >> 16) & 1)}.${(c >> 8) & 255}.${c & 255}`,
});

/** The p-th percentile (0–100) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/** One measured figure of a benchmark, beside its target (`npm run bench` prints them as a table). */
export type Figure = { name: string; value: string; target?: string; ok?: boolean };

/**
 * The JavaScript a page loads first: every `<script src>` of its HTML (not the
 * legacy-browser `noModule` ones), gzip-compressed, summed.
 */
export async function firstLoadJs(url: string) {
  const html = await (await fetch(url)).text();
  // Legacy-browser polyfills (<script noModule>) are skipped by every current browser.
  const srcs = [...html.matchAll(/<script([^>]*)src="([^"]+\.js)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
    .map((m) => m[2] ?? "");
  let gzip = 0;
  let hasLeaflet = false;
  for (const src of new Set(srcs)) {
    const js = await (await fetch(new URL(src, url))).text();
    gzip += gzipSync(js).length;
    if (js.includes("leaflet-container") || js.includes("L.Map")) hasLeaflet = true;
  }
  return { kb: gzip / 1024, scripts: new Set(srcs).size, hasLeaflet };
}

/** The value after `--name` on the command line, if given. */
export function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** A number after `--name`, or the fallback. */
export function numberFlag(name: string, fallback: number): number {
  const value = flag(name);
  return value === undefined ? fallback : Number(value);
}

/**
 * Runs a benchmark when its file is the command (`tsx scripts/bench/x.ts`), not when
 * `npm run bench` imports it: exit code 1 when a figure misses its target or it fails.
 */
export function runWhenCommand(moduleUrl: string, run: () => Promise<Figure[]>): void {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  run()
    .then((figures) => {
      if (figures.some((f) => f.ok === false)) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
