// Benchmark: throughput and latency of the cached catalogue and shop pages and APIs against a
// static page of the same app, from a second process on loopback (autocannon), and
// the JavaScript each page loads first.
//   npx tsx scripts/bench/pages.ts [--seconds 10] [--connections 50]
import autocannon from "autocannon";
import { type App, type Figure, firstLoadJs, numberFlag, percentile, runWhenCommand, startApp } from "./lib";

const seconds = numberFlag("seconds", 10);
const connections = numberFlag("connections", 50);

/** Targets of the routes and shop issues: each page at least half a static page's rate, p95 under 100 ms. */
const TARGET_SHARE = 50;
const TARGET_P95_MS = 100;
/** First-load JavaScript (gzip): pages without a map or a form, and the rest (the routes issue's bound). */
const TARGET_PLAIN_KB = 110;
const TARGET_OTHER_KB = 150;

async function load(url: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { "accept-language": "zh-CN" } },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return {
    rps: result.requests.average,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

export async function runPages(shared?: App): Promise<Figure[]> {
  const figures: Figure[] = [];
  const app = shared ?? (await startApp());
  try {
    const { routes } = (await (await fetch(`${app.url}/api/routes`)).json()) as { routes: { slug: string }[] };
    const slug = routes[0]?.slug ?? "";
    const { products } = (await (await fetch(`${app.url}/api/products`)).json()) as { products: { slug: string }[] };
    const { workshops } = (await (await fetch(`${app.url}/api/workshops`)).json()) as { workshops: { slug: string }[] };
    const product = products[0]?.slug ?? "";
    const workshop = workshops[0]?.slug ?? "";
    const targets: [string, string][] = [
      ["static page (/trips)", "/trips"],
      ["/routes", "/routes"],
      [`/routes/${slug}`, `/routes/${slug}`],
      ["/en/routes", "/en/routes"],
      ["/api/routes", "/api/routes"],
      ["/api/routes?category=red", "/api/routes?category=red"],
      [`/api/routes/${slug}/gpx`, `/api/routes/${slug}/gpx`],
      ["/shop", "/shop"],
      [`/shop/products/${product}`, `/shop/products/${product}`],
      [`/shop/workshops/${workshop}`, `/shop/workshops/${workshop}`],
      ["/api/products", "/api/products"],
      ["/api/workshops", "/api/workshops"],
    ];
    // Warm every page once (first renders after a start fill the cache).
    for (const [, p] of targets) await fetch(`${app.url}${p}`);
    // Let the JIT warm up on the static page before anything is measured.
    await load(`${app.url}/trips`);
    console.log(`${connections} connections, ${seconds} s each\n`);
    const rows: string[] = [];
    let baseline = 0;
    for (const [label, p] of targets) {
      const r = await load(`${app.url}${p}`);
      const share = baseline ? (r.rps / baseline) * 100 : 100;
      if (baseline) {
        figures.push({
          name: `pages: ${label}`,
          value: `${share.toFixed(0)}% of static, p95 ${r.p95} ms, ${r.errors} errors`,
          target: `≥ ${TARGET_SHARE}%, < ${TARGET_P95_MS} ms, 0`,
          ok: share >= TARGET_SHARE && r.p95 < TARGET_P95_MS && r.errors === 0,
        });
      } else {
        figures.push({ name: `pages: ${label}`, value: `${r.rps.toFixed(0)} req/s, p95 ${r.p95} ms` });
      }
      if (!baseline) baseline = r.rps;
      rows.push(
        `${label.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s  (${((r.rps / baseline) * 100).toFixed(0).padStart(3)}% of static)  p50 ${r.p50} ms  p95 ${r.p95} ms  errors ${r.errors}/${r.total}`,
      );
      console.log(rows.at(-1));
    }
    console.log("\nFirst-load JavaScript (gzip):");
    // Pages without a map or a form, then the rest.
    const plain = ["/", "/en", "/festivals", "/shop", "/calendar", "/privacy", `/shop/workshops/${workshop}`];
    const other = [
      "/routes",
      `/routes/${slug}`,
      "/festivals/bayberry-festival",
      `/shop/products/${product}`,
      "/trips",
      "/sign-in",
      "/checkout",
    ];
    for (const p of [...plain, ...other]) {
      const js = await firstLoadJs(`${app.url}${p}`);
      const target = plain.includes(p) ? TARGET_PLAIN_KB : TARGET_OTHER_KB;
      console.log(
        `${p.padEnd(44)} ${js.kb.toFixed(1)} kB in ${js.scripts} scripts; Leaflet in first load: ${js.hasLeaflet ? "yes" : "no"}`,
      );
      figures.push({
        name: `first-load JavaScript ${p}${plain.includes(p) ? " (no map, no form)" : ""}`,
        value: `${js.kb.toFixed(1)} kB${js.hasLeaflet ? " (with Leaflet)" : ""}`,
        target: `< ${target} kB`,
        ok: js.kb < target,
      });
    }
    return figures;
  } finally {
    if (!shared) app.stop();
  }
}

runWhenCommand(import.meta.url, () => runPages());
