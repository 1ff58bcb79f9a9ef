// Benchmark: Lighthouse (12.2.3, its default mobile profile: a mid-range phone, simulated
// slow 4G and a 4× slower CPU) on the home page, a route, a festival and a product, in
// Debian's Chromium, as a browser set to Chinese (the site's audience), each beside a bare
// Next.js page (scripts/bench/bare.ts: one heading and one link, the same Next.js and React).
// Each run audits, page by page, the bare page and then ours, so a machine that slows down
// or speeds up during the run does so for both of a pair. Per page it reports the medians of
// both, the median of the pairwise blocking-time ratios (target ≤ 1.5×) and of the pairwise
// performance differences (target ≥ −5 points); accessibility, best practices and SEO ≥ 95;
// and the festival page's HTML (< 60 kB). The absolute blocking time is printed, without a
// target: on this machine's shared cores it moves with the machine, the ratio much less.
//   npx tsx scripts/bench/lighthouse.ts [--runs 3] [--pages festival,home,route,product] [--explain]
// --explain prints, for each page's run of median blocking time (and the bare page's), where
// the main thread went: Lighthouse's work breakdown, long tasks, boot-up time per script
// (top 8), the DOM's size, and the RSC payload inlined in the HTML.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Result } from "lighthouse";
import { type Bare, prepareBareApp, startBare } from "./bare";
import { type App, type Figure, firstLoadJs, flag, numberFlag, runWhenCommand, startApp } from "./lib";
import { comparePairs, median, rscPayload, tbtRatio } from "./lighthouse-measures";

const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** A phone of the site's audience (Chinese first): no redirect to /en on the way in. */
const ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9";

export const LIGHTHOUSE_TARGETS = {
  /** Our page's total blocking time ÷ the bare page's, median of the pairs. */
  tbtRatio: 1.5,
  /** Our page's performance − the bare page's, median of the pairs (points). */
  performanceDiff: -5,
  accessibility: 95,
  "best-practices": 95,
  seo: 95,
  /** The festival page's HTML (zh-CN), bytes. */
  festivalHtml: 60 * 1024,
} as const;

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** Where one run's main thread went (from the same Lighthouse result), for --explain. */
type Explain = {
  mainThread: { label: string; ms: number }[];
  longTasks: { url: string; ms: number; start: number }[];
  bootup: { url: string; total: number; scripting: number; parse: number }[];
  dom: { elements: number; depth: number; children: number };
};

type PageRun = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  tbt: number;
  lcp: number;
  fcp: number;
  cls: number;
  benchmarkIndex: number;
  explain: Explain;
};

const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve("lighthouse/cli/index.js");

type Item = Record<string, unknown>;
const num = (value: unknown): number => {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && typeof (value as { value?: unknown }).value === "number") {
    return (value as { value: number }).value;
  }
  return Number.NaN;
};
const str = (value: unknown): string => (typeof value === "string" ? value : "");

function explainOf(lhr: Result): Explain {
  const items = (id: string): Item[] => {
    const details = lhr.audits[id]?.details as { items?: Item[] } | undefined;
    return details?.items ?? [];
  };
  const dom = items("dom-size");
  const statistic = (name: RegExp) => num(dom.find((i) => name.test(str(i.statistic)))?.value);
  return {
    mainThread: items("mainthread-work-breakdown")
      .map((i) => ({ label: str(i.groupLabel) || str(i.group), ms: num(i.duration) }))
      .sort((a, b) => b.ms - a.ms),
    longTasks: items("long-tasks").map((i) => ({ url: str(i.url), ms: num(i.duration), start: num(i.startTime) })),
    bootup: items("bootup-time")
      .map((i) => ({
        url: str(i.url),
        total: num(i.total),
        scripting: num(i.scripting),
        parse: num(i.scriptParseCompile),
      }))
      .sort((a, b) => b.total - a.total)
      .slice(0, 8),
    dom: {
      elements: lhr.audits["dom-size"]?.numericValue ?? statistic(/total/i),
      depth: statistic(/depth/i),
      children: statistic(/child/i),
    },
  };
}

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
      `--extra-headers=${JSON.stringify({ "Accept-Language": ACCEPT_LANGUAGE })}`,
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
    explain: explainOf(lhr),
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

export const PAGE_NAMES = ["home", "route", "festival", "product"] as const;
type PageName = (typeof PAGE_NAMES)[number];
type Target = { name: PageName; label: string; path: string };

/** `--pages festival,home`: some of the four, in the usual order (all four without it). */
function pagesFlag(): PageName[] {
  const wanted = flag("pages")
    ?.split(",")
    .map((p) => p.trim());
  if (!wanted) return [...PAGE_NAMES];
  const unknown = wanted.filter((p) => !(PAGE_NAMES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`--pages: no page ${unknown.join(", ")} (pages: ${PAGE_NAMES.join(", ")})`);
  return PAGE_NAMES.filter((p) => wanted.includes(p));
}

/** The four pages of the issue, by their seeded slugs (the first published of each). */
async function pages(app: App, names: PageName[]): Promise<Target[]> {
  const json = async <T>(p: string) => (await (await fetch(`${app.url}${p}`)).json()) as T;
  const { routes } = await json<{ routes: { slug: string }[] }>("/api/routes");
  const { products } = await json<{ products: { slug: string }[] }>("/api/products");
  const all: Target[] = [
    { name: "home", label: "home", path: "/" },
    { name: "route", label: "a route", path: `/routes/${routes[0]?.slug ?? ""}` },
    { name: "festival", label: "a festival", path: "/festivals/bayberry-festival" },
    { name: "product", label: "a product", path: `/shop/products/${products[0]?.slug ?? ""}` },
  ];
  return all.filter((t) => names.includes(t.name));
}

/** A page's HTML as the Chinese phone gets it (decompressed). */
async function zhHtml(url: string): Promise<string> {
  const response = await fetch(url, { headers: { "Accept-Language": ACCEPT_LANGUAGE } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : "∞×");
const signed = (points: number) => `${points > 0 ? "+" : points < 0 ? "−" : "±"}${Math.abs(points)}`;
const mark = (ok: boolean) => (ok ? "✓" : "✖");
const shortUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, "") || url;

/** The run of median blocking time (the upper middle for an even count). */
const medianRun = (runs: PageRun[]) => [...runs].sort((a, b) => a.tbt - b.tbt)[Math.floor(runs.length / 2)] as PageRun;

async function printExplain(title: string, run: PageRun, url: string): Promise<void> {
  const { mainThread, longTasks, bootup, dom } = run.explain;
  console.log(
    `\n── ${title}: the run of median blocking time (TBT ${ms(run.tbt)}, performance ${run.scores.performance}) ──`,
  );
  const total = mainThread.reduce((s, g) => s + g.ms, 0);
  console.log(`main-thread work ${ms(total)}: ${mainThread.map((g) => `${g.label} ${ms(g.ms)}`).join(", ")}`);
  console.log(`long tasks (${longTasks.length}):`);
  for (const t of longTasks) console.log(`  ${ms(t.ms).padStart(7)} at ${ms(t.start).padStart(7)}  ${shortUrl(t.url)}`);
  console.log("boot-up time per script (top 8): total / scripting / parse and compile");
  for (const b of bootup) {
    console.log(
      `  ${ms(b.total).padStart(7)} ${ms(b.scripting).padStart(7)} ${ms(b.parse).padStart(7)}  ${shortUrl(b.url)}`,
    );
  }
  console.log(`DOM: ${dom.elements} elements, depth ${dom.depth}, at most ${dom.children} children of one element`);
  const html = await zhHtml(url);
  const rsc = rscPayload(html);
  console.log(
    `HTML ${Buffer.byteLength(html)} bytes (${kB(Buffer.byteLength(html))}, gzip ${kB(gzipSync(html).length)}); ` +
      `RSC payload ${rsc.chars} characters (${kB(rsc.bytes)} UTF-8) in ${rsc.pushes} self.__next_f.push calls` +
      (rsc.unreadable ? ` (${rsc.unreadable} not readable as JSON, not counted)` : ""),
  );
}

export async function runLighthouse(
  options: { runs?: number; app?: App; pages?: PageName[]; explain?: boolean } = {},
): Promise<Figure[]> {
  const runs = options.runs ?? numberFlag("runs", 3);
  const names = options.pages ?? pagesFlag();
  const explain = options.explain ?? process.argv.includes("--explain");
  prepareBareApp();
  const app = options.app ?? (await startApp());
  let bare: Bare | null = null;
  const figures: Figure[] = [];
  try {
    bare = await startBare();
    const bareUrl = `${bare.url}/`;
    const targets = await pages(app, names);
    // Fill the servers' caches first: Lighthouse measures a visitor, not the first render after a start.
    for (const t of targets) await zhHtml(`${app.url}${t.path}`);
    await zhHtml(bareUrl);
    const results = new Map<PageName, { page: PageRun[]; bare: PageRun[] }>(
      targets.map((t) => [t.name, { page: [], bare: [] }]),
    );
    for (let i = 0; i < runs; i++) {
      for (const t of targets) {
        const r = results.get(t.name) as { page: PageRun[]; bare: PageRun[] };
        const b = await auditAgainIfLost(bareUrl);
        const p = await auditAgainIfLost(`${app.url}${t.path}`);
        r.bare.push(b);
        r.page.push(p);
        console.log(
          `run ${i + 1}/${runs} ${t.label.padEnd(10)} TBT ${ms(p.tbt).padStart(7)} (bare ${ms(b.tbt).padStart(7)}, ${times(tbtRatio(p.tbt, b.tbt))}), ` +
            `performance ${p.scores.performance} (bare ${b.scores.performance}); CPU index ${p.benchmarkIndex.toFixed(0)} / ${b.benchmarkIndex.toFixed(0)}`,
        );
      }
    }

    type Row = {
      t: Target;
      c: ReturnType<typeof comparePairs>;
      scores: Record<string, number>;
      tbtOk: boolean;
      perfOk: boolean;
      restOk: boolean;
    };
    const rows: Row[] = [];
    for (const t of targets) {
      const r = results.get(t.name) as { page: PageRun[]; bare: PageRun[] };
      const c = comparePairs(
        r.page.map((p, i) => ({
          page: { tbt: p.tbt, performance: p.scores.performance },
          bare: { tbt: (r.bare[i] as PageRun).tbt, performance: (r.bare[i] as PageRun).scores.performance },
        })),
      );
      const scores = Object.fromEntries(CATEGORIES.map((k) => [k, Math.round(median(r.page.map((p) => p.scores[k])))]));
      const restOk = (["accessibility", "best-practices", "seo"] as const).every(
        (k) => (scores[k] ?? 0) >= LIGHTHOUSE_TARGETS[k],
      );
      rows.push({
        t,
        c,
        scores,
        tbtOk: c.tbtRatio <= LIGHTHOUSE_TARGETS.tbtRatio,
        perfOk: c.performanceDiff >= LIGHTHOUSE_TARGETS.performanceDiff,
        restOk,
      });

      const js = await firstLoadJs(`${app.url}${t.path}`);
      const m = medianRun(r.page);
      console.log(
        `${t.label.padEnd(10)} ${t.path}: FCP ${(median(r.page.map((p) => p.fcp)) / 1000).toFixed(1)} s, ` +
          `LCP ${(median(r.page.map((p) => p.lcp)) / 1000).toFixed(1)} s, CLS ${median(r.page.map((p) => p.cls)).toFixed(3)} (medians); ` +
          `first-load JS ${js.kb.toFixed(1)} kB gzip; TBT of the runs ${r.page.map((p) => p.tbt.toFixed(0)).join(", ")} ms ` +
          `(bare ${r.bare.map((p) => p.tbt.toFixed(0)).join(", ")}); CPU index ${m.benchmarkIndex.toFixed(0)}`,
      );

      const at = `Lighthouse ${t.label} (${t.path})`;
      figures.push(
        {
          name: `${at}: total blocking time ÷ bare page's`,
          value: `${times(c.tbtRatio)} (${ms(c.tbt)}; bare ${ms(c.bareTbt)})`,
          target: `≤ ${LIGHTHOUSE_TARGETS.tbtRatio}×`,
          ok: c.tbtRatio <= LIGHTHOUSE_TARGETS.tbtRatio,
        },
        {
          name: `${at}: performance − bare page's`,
          value: `${signed(c.performanceDiff)} (${c.performance}; bare ${c.barePerformance})`,
          target: `≥ ${signed(LIGHTHOUSE_TARGETS.performanceDiff)}`,
          ok: c.performanceDiff >= LIGHTHOUSE_TARGETS.performanceDiff,
        },
      );
      for (const k of ["accessibility", "best-practices", "seo"] as const) {
        figures.push({
          name: `${at}: ${k}`,
          value: String(scores[k]),
          target: `≥ ${LIGHTHOUSE_TARGETS[k]}`,
          ok: (scores[k] ?? 0) >= LIGHTHOUSE_TARGETS[k],
        });
      }
    }

    let festivalHtml: { bytes: number; gzip: number; path: string } | null = null;
    const festival = targets.find((t) => t.name === "festival");
    if (festival) {
      const html = await zhHtml(`${app.url}${festival.path}`);
      festivalHtml = { bytes: Buffer.byteLength(html), gzip: gzipSync(html).length, path: festival.path };
      figures.push({
        name: `Lighthouse ${festival.label} (${festival.path}): HTML (zh-CN)`,
        value: `${kB(festivalHtml.bytes)} (gzip ${kB(festivalHtml.gzip)})`,
        target: `< ${kB(LIGHTHOUSE_TARGETS.festivalHtml)}`,
        ok: festivalHtml.bytes < LIGHTHOUSE_TARGETS.festivalHtml,
      });
    }

    // The table of this benchmark: medians of `runs` pairs (the bare page, then ours).
    console.log(`\nLighthouse mobile, each page beside the bare Next.js page, medians of ${runs} pair(s):`);
    const head = [
      "page".padEnd(10),
      "TBT page / bare".padStart(17),
      `ratio ≤ ${LIGHTHOUSE_TARGETS.tbtRatio}×`.padStart(13),
      "perf page / bare".padStart(16),
      `diff ≥ ${signed(LIGHTHOUSE_TARGETS.performanceDiff)}`.padStart(11),
      "a11y  bp  SEO ≥ 95",
    ];
    console.log(head.join("  "));
    for (const { t, c, scores, tbtOk, perfOk, restOk } of rows) {
      console.log(
        [
          t.label.padEnd(10),
          `${c.tbt.toFixed(0)} / ${c.bareTbt.toFixed(0)} ms`.padStart(17),
          `${times(c.tbtRatio)} ${mark(tbtOk)}`.padStart(13),
          `${c.performance} / ${c.barePerformance}`.padStart(16),
          `${signed(c.performanceDiff)} ${mark(perfOk)}`.padStart(11),
          `${String(scores.accessibility).padStart(4)} ${String(scores["best-practices"]).padStart(4)} ${String(scores.seo).padStart(4)} ${mark(restOk)}`,
        ].join("  "),
      );
    }
    if (festivalHtml) {
      console.log(
        `festival HTML (zh-CN, ${festivalHtml.path}): ${festivalHtml.bytes} bytes = ${kB(festivalHtml.bytes)} (gzip ${kB(festivalHtml.gzip)}); ` +
          `target < ${kB(LIGHTHOUSE_TARGETS.festivalHtml)} ${mark(festivalHtml.bytes < LIGHTHOUSE_TARGETS.festivalHtml)}`,
      );
    }
    const verdict = (what: string, ok: (row: Row) => boolean) => {
      const missed = rows.filter((row) => !ok(row)).map((row) => row.t.label);
      console.log(`${mark(missed.length === 0)} ${what}${missed.length ? `: missed by ${missed.join(", ")}` : ""}`);
    };
    verdict(`total blocking time ≤ ${LIGHTHOUSE_TARGETS.tbtRatio}× the bare page's`, (row) => row.tbtOk);
    verdict(`performance within ${-LIGHTHOUSE_TARGETS.performanceDiff} points of the bare page's`, (row) => row.perfOk);
    verdict("accessibility, best practices and SEO ≥ 95", (row) => row.restOk);
    if (festivalHtml) {
      console.log(
        `${mark(festivalHtml.bytes < LIGHTHOUSE_TARGETS.festivalHtml)} the festival page's HTML < ${kB(LIGHTHOUSE_TARGETS.festivalHtml)}`,
      );
    }

    if (explain) {
      for (const t of targets) {
        const r = results.get(t.name) as { page: PageRun[]; bare: PageRun[] };
        await printExplain(`explain ${t.label} (${t.path})`, medianRun(r.page), `${app.url}${t.path}`);
      }
      const bareRuns = [...results.values()].flatMap((r) => r.bare);
      await printExplain("explain the bare Next.js page (/)", medianRun(bareRuns), bareUrl);
    }
  } finally {
    bare?.stop();
    if (!options.app) app.stop();
  }
  return figures;
}

runWhenCommand(import.meta.url, () => runLighthouse());
