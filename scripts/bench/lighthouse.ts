// Benchmark: Lighthouse (12.2.3, its default mobile profile: a mid-range phone, simulated
// slow 4G and a 4× slower CPU) on the home page, a route, a festival and a product, in
// Debian's Chromium, as a browser set to Chinese (the site's audience). Each page runs `--runs` times (default 3); the median run by
// performance score is reported. Prints performance, accessibility, best practices and
// SEO with total blocking time, LCP and first-load JavaScript, each beside its target.
//   npx tsx scripts/bench/lighthouse.ts [--runs 3]
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import type { Result } from "lighthouse";
import { type App, type Figure, firstLoadJs, numberFlag, runWhenCommand, startApp } from "./lib";

const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const LIGHTHOUSE_TARGETS = {
  performance: 90,
  accessibility: 95,
  "best-practices": 95,
  seo: 95,
  /** ms, in the same run */
  tbt: 200,
} as const;

type PageRun = {
  scores: Record<"performance" | "accessibility" | "best-practices" | "seo", number>;
  tbt: number;
  lcp: number;
  fcp: number;
  cls: number;
  benchmarkIndex: number;
};

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

/**
 * One Lighthouse run, by its own command line in a child process (with its own Chromium):
 * run in this process, tsx's transform breaks the functions Lighthouse sends to the page.
 */
async function audit(url: string): Promise<PageRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--only-categories=performance,accessibility,best-practices,seo",
      // A phone of the site's audience (Chinese first): no redirect to /en on the way in.
      '--extra-headers={"Accept-Language":"zh-CN,zh;q=0.9"}',
      "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  const lhr = JSON.parse(stdout) as Result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
    },
    tbt: metric("total-blocking-time"),
    lcp: metric("largest-contentful-paint"),
    fcp: metric("first-contentful-paint"),
    cls: metric("cumulative-layout-shift"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/**
 * Lighthouse now and then loses its own trace of the load (NO_NAVSTART, NO_FCP: "Please run
 * Lighthouse again"). Such a run measured nothing, so it is run again, up to twice; any
 * other failure, or a third loss, stops the benchmark.
 */
async function auditAgainIfLost(url: string): Promise<PageRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= 3 || !/Please run Lighthouse again|NO_NAVSTART|NO_FCP/.test(message)) throw error;
      console.log(`  (Lighthouse lost its trace of ${url}; running it again)`);
    }
  }
}

/** The four pages of the issue, by their seeded slugs (the first published of each). */
async function pages(app: App): Promise<[string, string][]> {
  const json = async <T>(p: string) => (await (await fetch(`${app.url}${p}`)).json()) as T;
  const { routes } = await json<{ routes: { slug: string }[] }>("/api/routes");
  const { products } = await json<{ products: { slug: string }[] }>("/api/products");
  return [
    ["home", "/"],
    ["a route", `/routes/${routes[0]?.slug ?? ""}`],
    ["a festival", "/festivals/bayberry-festival"],
    ["a product", `/shop/products/${products[0]?.slug ?? ""}`],
  ];
}

export async function runLighthouse(options: { runs?: number; app?: App } = {}): Promise<Figure[]> {
  const runs = options.runs ?? numberFlag("runs", 3);
  const app = options.app ?? (await startApp());
  const figures: Figure[] = [];
  try {
    const targets = await pages(app);
    // Fill the server's caches first: Lighthouse measures a visitor, not the first render after a start.
    for (const [, p] of targets) await (await fetch(`${app.url}${p}`)).text();
    for (const [label, p] of targets) {
      const url = `${app.url}${p}`;
      const all: PageRun[] = [];
      for (let i = 0; i < runs; i++) all.push(await auditAgainIfLost(url));
      all.sort((a, b) => a.scores.performance - b.scores.performance);
      const median = all[Math.floor(all.length / 2)] as PageRun;
      const js = await firstLoadJs(url);
      console.log(
        `${label.padEnd(11)} ${p.padEnd(40)} performance ${median.scores.performance} (runs: ${all.map((r) => r.scores.performance).join(", ")}), ` +
          `accessibility ${median.scores.accessibility}, best practices ${median.scores["best-practices"]}, SEO ${median.scores.seo}; ` +
          `TBT ${median.tbt.toFixed(0)} ms, FCP ${(median.fcp / 1000).toFixed(1)} s, LCP ${(median.lcp / 1000).toFixed(1)} s, CLS ${median.cls.toFixed(3)}; ` +
          `first-load JS ${js.kb.toFixed(1)} kB gzip; CPU benchmark index ${median.benchmarkIndex.toFixed(0)}`,
      );
      const at = `Lighthouse ${label} (${p})`;
      for (const category of ["performance", "accessibility", "best-practices", "seo"] as const) {
        figures.push({
          name: `${at}: ${category}`,
          value: String(median.scores[category]),
          target: `≥ ${LIGHTHOUSE_TARGETS[category]}`,
          ok: median.scores[category] >= LIGHTHOUSE_TARGETS[category],
        });
      }
      figures.push({
        name: `${at}: total blocking time`,
        value: `${median.tbt.toFixed(0)} ms`,
        target: `< ${LIGHTHOUSE_TARGETS.tbt} ms`,
        ok: median.tbt < LIGHTHOUSE_TARGETS.tbt,
      });
    }
  } finally {
    if (!options.app) app.stop();
  }
  return figures;
}

runWhenCommand(import.meta.url, () => runLighthouse());
