import type { DatabaseTarget } from "../../lib/database-url";

/** Tests write and wipe data: refuse anything but a file or a server on this machine. */
export function assertLocalDatabase(target: DatabaseTarget): void {
  if (target.provider === "sqlite") return;
  const host = new URL(target.url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
}
