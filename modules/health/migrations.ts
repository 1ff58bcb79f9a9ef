// Which of the app's migrations a database lacks. Free of "server-only" so the
// restore command uses it too.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The migrations the app ships (folders holding a migration.sql), in order; null when the folder is missing. */
export function readAppMigrations(dir: string): string[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/** The app's migrations that are not among the applied ones, in order. */
export function pendingMigrations(app: readonly string[], applied: Iterable<string>): string[] {
  const done = new Set(applied);
  return app.filter((name) => !done.has(name));
}
