import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./run";

// What a production build depends on; a change to any of these means rebuild.
const INPUTS = ["app", "components", "lib", "modules", "messages", "public", "types", "generated"];
const FILES = ["next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "proxy.ts"];
const STAMP = path.join(root, ".next", "suoqian-source-hash");

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/**
 * A hash of everything the build reads: the sources and the database it was
 * prerendered from (static pages carry data until they are revalidated).
 */
export function sourceHash(databaseUrl: string): string {
  const files: string[] = [];
  for (const d of INPUTS) walk(path.join(root, d), files);
  for (const f of FILES) if (existsSync(path.join(root, f))) files.push(path.join(root, f));
  const hash = createHash("sha256");
  hash.update(databaseUrl);
  // A build with browser source maps (scripts/bench/bundle.ts) is not the one to serve.
  hash.update(`maps:${process.env.BROWSER_SOURCE_MAPS === "1"}`);
  for (const f of files.sort()) {
    hash.update(path.relative(root, f));
    hash.update(String(statSync(f).size));
    hash.update(readFileSync(f));
  }
  return hash.digest("hex");
}

export function buildIsCurrent(hash: string): boolean {
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash;
}

export function writeBuildStamp(hash: string): void {
  writeFileSync(STAMP, hash);
}

/**
 * Next keeps its data cache (unstable_cache entries) in .next/cache across builds.
 * A rebuild may be for another database, so cached reads of the old one must go.
 */
export function clearDataCache(): void {
  rmSync(path.join(root, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
}
