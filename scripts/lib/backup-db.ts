// The database half of a backup: what each provider's tables hold, and how a copy
// is taken and put back (SQLite: the online backup API; PostgreSQL: pg_dump and
// pg_restore from Debian's binaries). Used by scripts/lib/backup.ts.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/database-url";

/** A refusal or failure an operator can act on: printed as one line, nothing half done. */
export class BackupError extends Error {}

export const MIGRATIONS_TABLE = "_prisma_migrations";

export type TableCounts = Record<string, number>;

/** What a database holds: rows per table (the migrations table aside) and the migrations applied. */
export type DatabaseContents = { counts: TableCounts; migrations: string[] };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const APPLIED_SQL = `SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

// ── SQLite ────────────────────────────────────────────────────────────────────

function openSqlite(file: string, what: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 10_000 });
    db.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new BackupError(`${what} ${file} is not a readable SQLite database (${message(error)})`);
  }
  return db;
}

function sqliteContents(db: Database.Database): DatabaseContents {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const counts: TableCounts = {};
  for (const table of tables) {
    if (table === MIGRATIONS_TABLE) continue;
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n;
  }
  const migrations = tables.includes(MIGRATIONS_TABLE)
    ? (db.prepare(APPLIED_SQL).all() as { migration_name: string }[]).map((m) => m.migration_name)
    : [];
  return { counts, migrations };
}

/**
 * Copies a live SQLite database page by page (SQLite's online backup API): the copy
 * is one consistent moment even while the app writes, and the app is never stopped.
 */
async function backupSqlite(file: string, dest: string): Promise<DatabaseContents> {
  if (!existsSync(file)) throw new BackupError(`No SQLite database at ${file} (DATABASE_URL)`);
  const live = openSqlite(file, "The database");
  try {
    await live.backup(dest);
  } finally {
    live.close();
  }
  // Counted on the copy, so the manifest describes exactly what the backup holds.
  const copy = openSqlite(dest, "The copy");
  try {
    return sqliteContents(copy);
  } finally {
    copy.close();
  }
}

async function restoreSqlite(dump: string, file: string): Promise<void> {
  const source = openSqlite(dump, "The backup's database");
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Through the backup API again: it writes under SQLite's locks, so a process
    // that still has the file open sees either the old or the restored database.
    await source.backup(file);
  } finally {
    source.close();
  }
  const restored = new Database(file, { timeout: 10_000 });
  try {
    restored.pragma("journal_mode = WAL");
  } finally {
    restored.close();
  }
}

function sqliteRows(file: string): DatabaseContents | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  const db = openSqlite(file, "The target");
  try {
    return sqliteContents(db);
  } finally {
    db.close();
  }
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────

// Query parameters Prisma understands but libpq (pg_dump, pg_restore) refuses.
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "socket_timeout",
  "statement_cache_size",
];

/** A URL libpq accepts, with the password moved to PGPASSWORD so it never shows in a process list. */
export function libpqConnection(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const p of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(p);
  return { url: parsed.toString(), env };
}

/** The newest pg_dump / pg_restore Debian installed (it must be at least the server's major version). */
export function findPgBin(name: "pg_dump" | "pg_restore"): string {
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(base, v, "bin", name);
      if (existsSync(p)) return p;
    }
  }
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  throw new BackupError(`${name} not found. Install it: apt-get install -y postgresql-client`);
}

function runTool(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => reject(new BackupError(`${path.basename(command)} did not run: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const first = stderr.trim().split("\n")[0] ?? "";
      reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${first}`));
    });
  });
}

async function connectPg(url: string, what: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new BackupError(`${what}: cannot connect to PostgreSQL (${message(error)})`);
  }
  return client;
}

async function pgContents(client: pg.Client): Promise<DatabaseContents> {
  const tables = (
    await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    )
  ).rows.map((t) => t.tablename);
  const counts: TableCounts = {};
  for (const table of tables) {
    if (table === MIGRATIONS_TABLE) continue;
    counts[table] =
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`)).rows[0]?.n ?? 0;
  }
  const migrations = tables.includes(MIGRATIONS_TABLE)
    ? (await client.query<{ migration_name: string }>(APPLIED_SQL)).rows.map((m) => m.migration_name)
    : [];
  return { counts, migrations };
}

/**
 * pg_dump in its custom format. The rows are counted in a transaction whose
 * snapshot pg_dump shares (--snapshot), so the manifest and the dump see the same moment.
 */
async function backupPostgres(url: string, dest: string): Promise<DatabaseContents> {
  const pgDump = findPgBin("pg_dump");
  const client = await connectPg(url, "The database");
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]?.id ?? "";
    const contents = await pgContents(client);
    const conn = libpqConnection(url);
    await runTool(
      pgDump,
      ["--format=custom", `--snapshot=${snapshot}`, `--file=${dest}`, `--dbname=${conn.url}`],
      conn.env,
    );
    await client.query("COMMIT");
    return contents;
  } finally {
    await client.end().catch(() => {});
  }
}

async function restorePostgres(dump: string, url: string): Promise<void> {
  const pgRestore = findPgBin("pg_restore");
  const conn = libpqConnection(url);
  // One transaction: a restore that fails leaves the target as it was.
  await runTool(
    pgRestore,
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${conn.url}`, dump],
    conn.env,
  );
}

async function postgresRows(url: string): Promise<DatabaseContents> {
  const client = await connectPg(url, "The target");
  try {
    return await pgContents(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ── Either ────────────────────────────────────────────────────────────────────

export const DUMP_FILE = { sqlite: "database.sqlite", postgresql: "database.pgdump" } as const;

/** Writes the database's copy to `dest` and says what it holds. */
export function dumpDatabase(target: DatabaseTarget, dest: string): Promise<DatabaseContents> {
  return target.provider === "sqlite" ? backupSqlite(target.file, dest) : backupPostgres(target.url, dest);
}

/** Replaces the target database with the copy in `dump`. */
export function loadDatabase(target: DatabaseTarget, dump: string): Promise<void> {
  return target.provider === "sqlite" ? restoreSqlite(dump, target.file) : restorePostgres(dump, target.url);
}

/** What the target holds now (null: a SQLite file that does not exist yet). */
export async function databaseContents(target: DatabaseTarget): Promise<DatabaseContents | null> {
  return target.provider === "sqlite" ? sqliteRows(target.file) : postgresRows(target.url);
}

export function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
