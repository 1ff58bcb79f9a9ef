import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Secrets the app needs but a first-time user should not have to invent: made on
// first start, kept (mode 0600) in the data directory, overridden by the environment.
// A file that exists but cannot be read is never replaced: new secrets would sign
// everyone out and make every printed ticket scan as forged.

export type Secrets = {
  authSecret: string;
  ticketSecret: string;
  demoPassword: string;
  /** The demo password the demo accounts were last given (DEMO_PASSWORD may differ from the generated one). */
  demoPasswordInUse?: string;
};

const FILE = "secrets.json";
/** Generated when missing. */
const KEYS = ["authSecret", "ticketSecret", "demoPassword"] as const;
const MIN_LENGTH: Record<keyof Secrets, number> = {
  authSecret: 32,
  ticketSecret: 32,
  demoPassword: 8,
  demoPasswordInUse: 8,
};

/** The secrets file exists but cannot be used; the message is one line naming it. */
export class SecretsFileError extends Error {}

function generate(key: (typeof KEYS)[number]): string {
  // The demo password is typed by people: letters and digits, grouped, still 72 bits.
  if (key === "demoPassword") {
    const raw = randomBytes(9).toString("base64url").replace(/[-_]/g, "x");
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  }
  return randomBytes(32).toString("base64url");
}

/** What the file holds; null when it does not exist. Throws SecretsFileError for anything else. */
function readSecrets(file: string): Partial<Secrets> | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new SecretsFileError(
      `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"}): fix its permissions or restore it from a backup; the app will not replace it.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const valid =
    parsed !== null &&
    typeof parsed === "object" &&
    !Array.isArray(parsed) &&
    (Object.keys(MIN_LENGTH) as (keyof Secrets)[]).every((k) => {
      const v = (parsed as Record<string, unknown>)[k];
      return v === undefined || (typeof v === "string" && v.length >= MIN_LENGTH[k]);
    });
  if (!valid) {
    throw new SecretsFileError(
      `${file} is damaged (not the JSON the app wrote): restore it from a backup; the app will not replace it.`,
    );
  }
  return parsed as Partial<Secrets>;
}

function writeAtomically(file: string, secrets: Secrets, createOnly: boolean): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  try {
    if (createOnly) {
      // link() fails if the file appeared meanwhile: another process wrote first, and wins.
      try {
        linkSync(tmp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    } else {
      renameSync(tmp, file);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * The secrets of the data directory, made on its first start. `dataAt` names the
 * database the secrets belong to: once it holds data, a missing secrets file is never
 * made anew (it would sign everyone out and make every printed ticket "forged").
 */
export function loadOrCreateSecrets(dataDir: string, dataAt?: string): Secrets {
  const file = path.join(dataDir, FILE);
  const stored = readSecrets(file);
  if (stored && KEYS.every((k) => stored[k])) return stored as Secrets;
  if (stored === null && dataAt && holdsData(dataAt)) {
    throw new SecretsFileError(
      `${file} is missing, but ${dataAt} holds data: restore it from a backup (or set AUTH_SECRET and TICKET_SECRET); the app will not make new secrets, which would sign everyone out and make every ticket scan as forged.`,
    );
  }
  const secrets = { ...stored, ...Object.fromEntries(KEYS.map((k) => [k, stored?.[k] ?? generate(k)])) } as Secrets;
  mkdirSync(dataDir, { recursive: true });
  // A file from an older release lacks a key: add it, keeping every secret it has.
  writeAtomically(file, secrets, stored === null);
  const onDisk = readSecrets(file);
  return { ...secrets, ...onDisk } as Secrets;
}

/** Whether a database file exists with something in it (an empty one is a first start's). */
function holdsData(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** Notes which password the demo accounts now have, so a later start can tell it from one a user chose. */
export function rememberDemoPassword(dataDir: string, password: string): void {
  const secrets = loadOrCreateSecrets(dataDir);
  if (secrets.demoPasswordInUse === password) return;
  writeAtomically(path.join(dataDir, FILE), { ...secrets, demoPasswordInUse: password }, false);
}
