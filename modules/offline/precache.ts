import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

type Entry = { url: string; revision?: string | null; integrity?: string; size: number };

/** The pages the worker shows for a navigation it cannot fetch, one per language. */
export const OFFLINE_PAGES = ["/offline", "/en/offline"] as const;

/**
 * Adds the offline pages to the precache list. Their HTML names this build's scripts and
 * styles, so their revision is a hash of every other entry (content-hashed files) and of
 * `salt` (the message catalogues): a new build with other files or words fetches them again.
 */
export function withOfflinePages(entries: Entry[], salt: string): Entry[] {
  const hash = createHash("sha256");
  for (const entry of entries) hash.update(`${entry.url} ${entry.revision ?? ""}\n`);
  hash.update(salt);
  const revision = hash.digest("hex").slice(0, 20);
  return [...entries, ...OFFLINE_PAGES.map((url) => ({ url, revision, size: 0 }))];
}

/** The transform for createSerwistRoute's `manifestTransforms`. */
export async function precacheOfflinePages(entries: Entry[]) {
  const salt = ["zh-CN", "en"].map((locale) =>
    readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8"),
  );
  return { manifest: withOfflinePages(entries, salt.join("\n")), warnings: [] };
}
