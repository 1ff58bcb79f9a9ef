import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time, so browsers do not download an ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  experimental: {
    authInterrupts: true,
    // Photo uploads go through server actions; modules/media refuses anything over 8 MB.
    serverActions: { bodySizeLimit: "9mb" },
  },
};

export default withNextIntl(nextConfig);
