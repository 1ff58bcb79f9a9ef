import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/postgres";
import { root } from "../lib/run";

export type App = { url: string; child: ChildProcess; env: Record<string, string | undefined>; stop: () => void };

/** `npm start` on a fresh data directory and port; resolves once /api/health answers. */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<App> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "suoqian-bench-"));
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
    rmSync(dataDir, { recursive: true, force: true });
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
