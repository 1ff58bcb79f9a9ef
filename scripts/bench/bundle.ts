// Where a page's first-load JavaScript goes: each `<script src>` of the page, split by the
// package or source file its bytes come from (by the chunk's source map), with an estimate
// of each part's gzip size (its share of the chunk's raw bytes × the chunk's gzip size).
//   BROWSER_SOURCE_MAPS=1 npm run build && npm start     (in one terminal)
//   npx tsx scripts/bench/bundle.ts --url http://127.0.0.1:3000 / /routes/… [--top 25]
import { gzipSync } from "node:zlib";
import { SourceMapConsumer } from "source-map-js";
import { flag, numberFlag } from "./lib";

const base = flag("url") ?? "http://127.0.0.1:3000";
const top = numberFlag("top", 25);
const paths = process.argv.slice(2).filter((a, i, all) => a.startsWith("/") && !all[i - 1]?.startsWith("--"));

/** A source's group: the npm package it comes from, or the app's own file. */
function group(source: string): string {
  const at = source.lastIndexOf("node_modules/");
  if (at >= 0) {
    const rest = source.slice(at + "node_modules/".length).split("/");
    const pkg = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? source);
    // Next's own client splits into parts worth naming.
    if (pkg === "next") return `next/${rest.slice(1, Number(process.env.BUNDLE_DEPTH ?? 4)).join("/")}`;
    return pkg;
  }
  return source.replace(/^.*?\]\/(?:[^/]+\/)?/, "").replace(/^(\.\.\/)+/, "");
}

async function analyse(page: string) {
  const html = await (await fetch(new URL(page, base))).text();
  const srcs = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)src="([^"]+\.js)"([^>]*)>/g)]
        .filter((m) => !/nomodule/i.test(`${m[1]}${m[3]}`))
        .map((m) => m[2] ?? ""),
    ),
  ];
  const sizes = new Map<string, number>();
  let total = 0;
  let unmapped = 0;
  for (const src of srcs) {
    const url = new URL(src, base);
    const js = await (await fetch(url)).text();
    const gzip = gzipSync(js).length;
    total += gzip;
    const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js)?.[1];
    const mapAnswer = await fetch(new URL(mapName ?? `${url.pathname}.map`, url));
    if (!mapAnswer.ok) {
      unmapped += gzip;
      sizes.set(`(no source map) ${src}`, (sizes.get(`(no source map) ${src}`) ?? 0) + gzip);
      continue;
    }
    const consumer = new SourceMapConsumer(await mapAnswer.json());
    const lineStarts = [0];
    for (let i = 0; i < js.length; i++) if (js.charCodeAt(i) === 10) lineStarts.push(i + 1);
    const offsets: { at: number; source: string }[] = [];
    consumer.eachMapping((m) => {
      offsets.push({ at: (lineStarts[m.generatedLine - 1] ?? 0) + m.generatedColumn, source: m.source ?? "(none)" });
    });
    offsets.sort((a, b) => a.at - b.at);
    const raw = new Map<string, number>();
    let mapped = 0;
    offsets.forEach((o, i) => {
      const end = offsets[i + 1]?.at ?? js.length;
      raw.set(group(o.source), (raw.get(group(o.source)) ?? 0) + (end - o.at));
      mapped += end - o.at;
    });
    const ratio = gzip / js.length;
    for (const [g, bytes] of raw) sizes.set(g, (sizes.get(g) ?? 0) + bytes * ratio);
    const rest = (js.length - mapped) * ratio;
    if (rest > 0) sizes.set("(unmapped bytes)", (sizes.get("(unmapped bytes)") ?? 0) + rest);
  }
  console.log(`\n${page}: ${(total / 1024).toFixed(1)} kB gzip in ${srcs.length} scripts`);
  for (const [g, bytes] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} kB  ${g}`);
  }
  if (unmapped) console.log(`  (${(unmapped / 1024).toFixed(1)} kB in scripts without a source map)`);
}

async function main() {
  for (const page of paths.length ? paths : ["/"]) await analyse(page);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
