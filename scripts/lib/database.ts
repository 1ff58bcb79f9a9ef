import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DatabaseTarget } from "../../lib/database-url";
import { bin, runQuiet } from "./run";

/** Applies the committed migrations of the target's provider (prisma migrate deploy). */
export function migrateDeploy(target: DatabaseTarget): void {
  if (target.provider === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    // WAL lets readers carry on while a writer commits; it is a property of the file.
    const file = new Database(target.file);
    file.pragma("journal_mode = WAL");
    file.close();
  }
  runQuiet("prisma migrate deploy", bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: target.url });
}
