// Benchmark: throughput and latency of the cached catalogue and shop pages and APIs against a
// static page of the same app, from a second process on loopback (autocannon), and
// the JavaScript each page loads first.
//   npx tsx scripts/bench/pages.ts [--seconds 10] [--connections 50]
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { startApp } from "./lib";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg("seconds", 10);
const connections = arg("connections", 50);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(url: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, headers: { "accept-language": "zh-CN" } },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

async function firstLoadJs(url: string) {
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

async function main() {
  const app = await startApp();
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
      if (!baseline) baseline = r.rps;
      rows.push(
        `${label.padEnd(44)} ${r.rps.toFixed(0).padStart(6)} req/s  (${((r.rps / baseline) * 100).toFixed(0).padStart(3)}% of static)  p50 ${r.p50} ms  p95 ${r.p95} ms  errors ${r.errors}/${r.total}`,
      );
      console.log(rows.at(-1));
    }
    console.log("\nFirst-load JavaScript (gzip):");
    for (const p of [
      "/",
      "/trips",
      "/festivals",
      "/sign-in",
      "/routes",
      `/routes/${slug}`,
      "/en/routes",
      "/shop",
      `/shop/products/${product}`,
      `/shop/workshops/${workshop}`,
    ]) {
      const js = await firstLoadJs(`${app.url}${p}`);
      console.log(
        `${p.padEnd(44)} ${js.kb.toFixed(1)} kB in ${js.scripts} scripts; Leaflet in first load: ${js.hasLeaflet ? "yes" : "no"}`,
      );
    }
  } finally {
    app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
