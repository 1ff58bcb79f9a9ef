// The bare reference of the Lighthouse benchmark: an empty Next.js page (one heading, one
// link to a second page, no code of ours), built and started with the repo's own `next`, so
// the same Next.js, React and React DOM as the app. Lighthouse measures each of our pages
// beside it in the same run (scripts/bench/lighthouse.ts): what the framework costs on this
// machine today, whatever its speed.
//
// It lives in `.tmp/bench-bare/` (git-ignored): plain .jsx, so tsc, Biome and
// dependency-cruiser never look at it. The build is reused while its stamp (the template and
// the installed versions) is unchanged. It gets no tuning of ours (no compile hints, no Node
// options): a plain `next build` and `next start`.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../lib/postgres";
import { bin, root } from "../lib/run";

export const BARE_DIR = path.join(root, ".tmp", "bench-bare");
const STAMP = path.join(BARE_DIR, ".next", "bench-bare-stamp");

/** The files of the bare app, by path inside its folder. */
export function bareTemplate(repoRoot: string = root): Record<string, string> {
  return {
    "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
`,
    "app/page.jsx": `import Link from "next/link";

export default function Page() {
  return (
    <main>
      <h1>所前</h1>
      <Link href="/next">下一页</Link>
    </main>
  );
}
`,
    "app/next/page.jsx": `export default function Next() {
  return <p>下一页</p>;
}
`,
    // The repo's root: Node and Turbopack resolve the same node_modules (one next, one react).
    "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify(repoRoot)} } };
`,
  };
}

export type FrameworkVersions = { next: string; react: string; reactDom: string };

/** The installed versions the bare app is built with (the app's own). */
export function installedVersions(repoRoot: string = root): FrameworkVersions {
  const version = (name: string) =>
    (JSON.parse(readFileSync(path.join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string })
      .version;
  return { next: version("next"), react: version("react"), reactDom: version("react-dom") };
}

/** What the build was made from: sha256 of the template's files and the framework's versions. */
export function bareStamp(template: Record<string, string>, versions: FrameworkVersions): string {
  const hash = createHash("sha256");
  for (const file of Object.keys(template).sort()) hash.update(`${file}\0${template[file]}\0`);
  hash.update(`next@${versions.next}\0react@${versions.react}\0react-dom@${versions.reactDom}`);
  return hash.digest("hex");
}

/**
 * Writes the bare app into `.tmp/bench-bare/` and builds it (`next build`, production),
 * unless a build of the same template and versions is there already. Returns its folder.
 */
export function prepareBareApp(): string {
  const template = bareTemplate();
  const stamp = bareStamp(template, installedVersions());
  for (const [file, text] of Object.entries(template)) {
    const at = path.join(BARE_DIR, file);
    mkdirSync(path.dirname(at), { recursive: true });
    if (!existsSync(at) || readFileSync(at, "utf8") !== text) writeFileSync(at, text);
  }
  const built =
    existsSync(path.join(BARE_DIR, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
  if (built) {
    console.log("bare Next.js page: build current (.tmp/bench-bare)");
    return BARE_DIR;
  }
  console.log("bare Next.js page: building .tmp/bench-bare …");
  const started = Date.now();
  const result = spawnSync(bin("next"), ["build", BARE_DIR], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error(`the bare Next.js build failed (next build exited with ${result.status ?? result.signal})`);
  }
  writeFileSync(STAMP, stamp);
  console.log(`bare Next.js page: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return BARE_DIR;
}

export type Bare = { url: string; child: ChildProcess; stop: () => void };

/** `next start` of the bare app on a free loopback port; resolves once `/` answers 200. */
export async function startBare(): Promise<Bare> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin("next"), ["start", BARE_DIR, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-(child.pid ?? 0), "SIGTERM");
    } catch {
      // gone
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the bare Next.js page's next start exited");
    try {
      const response = await fetch(`${url}/`);
      await response.arrayBuffer();
      if (response.status === 200) return { url, child, stop };
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error("the bare Next.js page did not start within a minute");
}
