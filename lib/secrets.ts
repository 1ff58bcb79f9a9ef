import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

// Secrets the app needs but a first-time user should not have to invent: made on
// first start, kept (mode 0600) in the data directory, overridden by the environment.

export type Secrets = { authSecret: string; ticketSecret: string };

const FILE = "secrets.json";

function readSecrets(file: string): Partial<Secrets> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (parsed && typeof parsed === "object") return parsed as Partial<Secrets>;
  } catch {
    // Missing or unreadable: generated below.
  }
  return {};
}

export function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, FILE);
  const stored = readSecrets(file);
  if (stored.authSecret && stored.ticketSecret) {
    return { authSecret: stored.authSecret, ticketSecret: stored.ticketSecret };
  }
  const secrets: Secrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    ticketSecret: stored.ticketSecret ?? randomBytes(32).toString("base64url"),
  };
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  // Another process may have won the race: everyone uses what is on disk.
  const onDisk = readSecrets(file);
  return {
    authSecret: onDisk.authSecret ?? secrets.authSecret,
    ticketSecret: onDisk.ticketSecret ?? secrets.ticketSecret,
  };
}
