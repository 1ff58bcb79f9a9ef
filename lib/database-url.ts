import path from "node:path";

// Shared by the app, the Prisma CLI config and the scripts: one place decides
// what DATABASE_URL means. Deliberately free of "server-only" so tooling can use it.

export const DEFAULT_DATABASE_URL = "file:./data/suoqian.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

export class DatabaseUrlError extends Error {}

export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const rel = url.slice("file:".length).split("?")[0] ?? "";
    if (!rel)
      throw new DatabaseUrlError(`DATABASE_URL: "${url}" names no file (expected e.g. ${DEFAULT_DATABASE_URL})`);
    const file = path.resolve(cwd, rel);
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError(
        "DATABASE_URL: not a valid PostgreSQL URL (expected postgresql://user:password@host:5432/db)",
      );
    }
    if (!parsed.pathname || parsed.pathname === "/") {
      throw new DatabaseUrlError("DATABASE_URL: names no database (expected postgresql://user:password@host:5432/db)");
    }
    return { provider: "postgresql", url };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL: must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.slice(0, 40)}"`,
  );
}
