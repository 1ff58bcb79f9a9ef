import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { parseDatabaseUrl } from "./lib/database-url";

// DATABASE_URL picks the provider, and with it the schema and migrations folder.
// engine "js" runs the bundled WASM schema engine through our driver adapter, so
// the CLI downloads nothing (see ARCHITECTURE.md).
const target = parseDatabaseUrl(process.env.DATABASE_URL);
const pg = target.provider === "postgresql";
// The schema's `url = env("DATABASE_URL")` must resolve, or the CLI falls back to
// downloading a query engine; give it the default when none is set.
process.env.DATABASE_URL = target.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: pg ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: pg ? "prisma/migrations/postgresql" : "prisma/migrations/sqlite" },
  async adapter() {
    return target.provider === "postgresql"
      ? new PrismaPg({ connectionString: target.url })
      : new PrismaBetterSQLite3({ url: target.url });
  },
});
