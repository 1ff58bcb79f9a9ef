import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time, so browsers do not download an ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

// The security headers of API answers (route handlers skip proxy.ts, which sets the
// pages' own). An API answer is data, never a document: it may load nothing and be
// framed by nobody. lib/security-headers.test.ts checks this list against the pages'.
const API_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Resource-Policy", value: "same-site" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm test` type-checks everything (tsc --noEmit, tests and their devDependencies
  // included); a production install (npm ci --omit=dev && npm start) has none of the
  // test types, so its build does not check types a second time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // For scripts/bench/bundle.ts (where the first-load JavaScript goes); never in production.
  productionBrowserSourceMaps: process.env.BROWSER_SOURCE_MAPS === "1",
  async headers() {
    return [{ source: "/api/:path*", headers: API_HEADERS }];
  },
  // esbuild: Serwist bundles the service worker with it at build time (app/serwist/[path]/route.ts).
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "esbuild"],
  // With REDIS_URL, Next's data and page cache live in Redis, shared by every instance
  // (cache-handler.mjs); without it, each instance keeps its own file cache.
  ...(process.env.REDIS_URL
    ? { cacheHandler: fileURLToPath(new URL("./cache-handler.mjs", import.meta.url)), cacheMaxMemorySize: 0 }
    : {}),
  experimental: {
    authInterrupts: true,
    // Photo uploads go through server actions; modules/media refuses anything over 8 MB.
    serverActions: { bodySizeLimit: "9mb" },
  },
};

export default withNextIntl(nextConfig);
