import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../generated/prisma/postgresql/client";
import { PrismaClient as SqliteClient } from "../generated/prisma/sqlite/client";
import type { DatabaseTarget } from "./database-url";

// Password hashes stay out of every user query unless one asks for them.
const omit = { user: { passwordHash: true } } as const;

function sqliteClient(url: string) {
  // A busy timeout lets the seed or a CLI share the file with the running server.
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), omit });
  // With WAL, NORMAL syncs at checkpoints instead of on every commit: an app crash
  // loses nothing, a power cut at most the last moments (SQLite's recommended pairing).
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  return client;
}

function postgresClient(url: string) {
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  return new PostgresClient({ adapter, omit });
}

// Both generated clients have the same models (one schema source, two providers);
// the SQLite client's type stands for both.
export type Db = ReturnType<typeof sqliteClient>;

export function createPrismaClient(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") return postgresClient(target.url) as unknown as Db;
  return sqliteClient(target.url);
}
