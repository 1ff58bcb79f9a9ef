// Backups (`npm run db:backup`) and restores (`npm run db:restore`): one .tar.gz
// holding the database's copy, the uploaded photos and a manifest (provider,
// migrations, time, rows per table, photos). Secrets stay out unless asked for.
import { createHash } from "node:crypto";
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as tar from "tar";
import { z } from "zod";
import type { DatabaseTarget } from "../../lib/database-url";
import {
  BackupError,
  type DatabaseContents,
  DUMP_FILE,
  databaseContents,
  dumpDatabase,
  loadDatabase,
  message,
} from "./backup-db";

export { BackupError };

const MANIFEST = "manifest.json";
const LABEL = { sqlite: "SQLite", postgresql: "PostgreSQL" } as const;
const UPLOADS = "uploads";
const SECRETS = "secrets.json";

/** Where the photos live: a local folder (backed up), or an S3 bucket (not: the bucket has its own). */
export type PhotoStore = { dir: string } | { bucket: string };

const manifestSchema = z.object({
  format: z.literal("suoqian-backup"),
  version: z.literal(1),
  createdAt: z.string(),
  provider: z.enum(["sqlite", "postgresql"]),
  database: z.string(),
  /** The newest migration applied (null: none). */
  migration: z.string().nullable(),
  migrations: z.array(z.string()),
  counts: z.record(z.string(), z.number().int().min(0)),
  photos: z.union([
    z.object({ included: z.literal(true), files: z.number().int().min(0), bytes: z.number().int().min(0) }),
    z.object({ included: z.literal(false), bucket: z.string() }),
  ]),
  secrets: z.boolean(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export type BackupOptions = {
  database: DatabaseTarget;
  photos: PhotoStore;
  dataDir: string;
  /** A folder (the file is named by time) or a file ending in .tar.gz; default DATA_DIR/backups. */
  out?: string;
  includeSecrets?: boolean;
  now?: Date;
};

export type RestoreOptions = {
  file: string;
  database: DatabaseTarget;
  photos: PhotoStore;
  dataDir: string;
  /** Replace a target that holds data (rows, photos, other secrets). */
  force?: boolean;
};

/** Files (relative paths) under `dir` and their total size; half-written uploads (*.tmp) left out. */
function listPhotos(dir: string): { files: string[]; bytes: number } {
  const files: string[] = [];
  let bytes = 0;
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !entry.name.endsWith(".tmp")) {
        files.push(child);
        bytes += statSync(path.join(dir, child)).size;
      }
    }
  };
  if (existsSync(dir)) walk("");
  return { files: files.sort(), bytes };
}

function backupFile(out: string | undefined, dataDir: string, provider: string, now: Date): string {
  const target = path.resolve(out ?? path.join(dataDir, "backups"));
  if (/\.(tar\.gz|tgz)$/.test(target)) return target;
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(target, `suoqian-${provider}-${stamp}.tar.gz`);
}

/**
 * Takes a backup while the app runs: the database first (one consistent moment),
 * then the photos. Photos are immutable and content-named, so every photo the
 * copied database refers to is in the archive.
 */
export async function createBackup(options: BackupOptions): Promise<{ file: string; manifest: Manifest }> {
  const now = options.now ?? new Date();
  const file = backupFile(options.out, options.dataDir, options.database.provider, now);
  if (existsSync(file)) throw new BackupError(`${file} exists already; a backup never overwrites one`);
  const staging = mkdtempSync(path.join(tmpdir(), "suoqian-backup-"));
  try {
    const dump = DUMP_FILE[options.database.provider];
    const contents = await dumpDatabase(options.database, path.join(staging, dump));

    let photos: Manifest["photos"];
    // What goes in: the counted files and the folders above them.
    let photoFiles: Set<string> | null = null;
    if ("bucket" in options.photos) {
      photos = { included: false, bucket: options.photos.bucket };
    } else {
      const listed = listPhotos(options.photos.dir);
      photos = { included: true, files: listed.files.length, bytes: listed.bytes };
      photoFiles = new Set();
      for (const f of listed.files) {
        const parts = `${UPLOADS}/${f}`.split("/");
        for (let i = 2; i <= parts.length; i++) photoFiles.add(parts.slice(0, i).join("/"));
      }
      mkdirSync(path.join(staging, UPLOADS));
      // Packed straight from the folder: the archive holds exactly the files counted.
      if (listed.files.length > 0) {
        rmSync(path.join(staging, UPLOADS), { recursive: true });
        symlinkSync(options.photos.dir, path.join(staging, UPLOADS), "dir");
      }
    }

    const secretsFile = path.join(options.dataDir, SECRETS);
    const secrets = Boolean(options.includeSecrets) && existsSync(secretsFile);
    if (secrets) cpSync(secretsFile, path.join(staging, SECRETS));

    const manifest: Manifest = {
      format: "suoqian-backup",
      version: 1,
      createdAt: now.toISOString(),
      provider: options.database.provider,
      database: dump,
      migration: contents.migrations.at(-1) ?? null,
      migrations: contents.migrations,
      counts: contents.counts,
      photos,
      secrets,
    };
    writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);

    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const entries = [MANIFEST, dump, ...(photoFiles ? [UPLOADS] : []), ...(secrets ? [SECRETS] : [])];
    await tar.create(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        portable: true,
        follow: true,
        filter: (p) => {
          const rel = p.replace(/^\.\//, "").replace(/\/$/, "");
          if (!rel.startsWith(`${UPLOADS}/`)) return true;
          // Only what was counted: a photo written meanwhile waits for the next backup.
          return photoFiles?.has(rel) ?? false;
        },
      },
      entries,
    );
    // It holds personal data (and perhaps the secrets): readable by its owner only.
    chmodSync(partial, 0o600);
    renameSync(partial, file);
    return { file, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Opens a backup: extracts it to a scratch folder and reads its manifest. */
async function openBackup(file: string): Promise<{ dir: string; manifest: Manifest }> {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}`);
  if (statSync(file).isDirectory()) throw new BackupError(`${file} is a folder; name the backup's .tar.gz file`);
  const dir = mkdtempSync(path.join(tmpdir(), "suoqian-restore-"));
  try {
    try {
      // node-tar refuses absolute paths and ".." on extraction; links are not expected here.
      await tar.extract({
        file,
        cwd: dir,
        strict: true,
        filter: (_p, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory"),
      });
    } catch (error) {
      throw new BackupError(`${file} is not a readable backup (${message(error)})`);
    }
    const manifestFile = path.join(dir, MANIFEST);
    if (!existsSync(manifestFile)) throw new BackupError(`${file} is not a readable backup (no ${MANIFEST} in it)`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(manifestFile, "utf8"));
    } catch (error) {
      throw new BackupError(`${file} is not a readable backup (${MANIFEST}: ${message(error)})`);
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BackupError(
        `${file} is not a readable backup (${MANIFEST}: ${issue?.path.join(".") || "format"} ${issue?.message ?? ""})`.trim(),
      );
    }
    const manifest = parsed.data;
    if (manifest.database !== DUMP_FILE[manifest.provider] || !existsSync(path.join(dir, manifest.database))) {
      throw new BackupError(`${file} is not a readable backup (the database copy ${manifest.database} is missing)`);
    }
    return { dir, manifest };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

const digest = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function hasEntries(dir: string): boolean {
  return existsSync(dir) && lstatSync(dir).isDirectory() && readdirSync(dir).length > 0;
}

/** Why the target is not empty, or null when a restore may write there. */
async function targetInUse(options: RestoreOptions, manifest: Manifest, dir: string): Promise<string | null> {
  const reasons: string[] = [];
  const current = await databaseContents(options.database);
  const rows = current ? Object.values(current.counts).reduce((a, b) => a + b, 0) : 0;
  if (rows > 0) {
    const where = options.database.provider === "sqlite" ? options.database.file : "the PostgreSQL database";
    reasons.push(`${where} holds ${rows} rows`);
  }
  if (manifest.photos.included && "dir" in options.photos && hasEntries(options.photos.dir)) {
    reasons.push(`${options.photos.dir} holds photos`);
  }
  const secretsFile = path.join(options.dataDir, SECRETS);
  if (manifest.secrets && existsSync(secretsFile) && digest(secretsFile) !== digest(path.join(dir, SECRETS))) {
    reasons.push(`${secretsFile} holds other secrets`);
  }
  return reasons.length > 0 ? reasons.join("; ") : null;
}

function sameCounts(expected: Record<string, number>, actual: DatabaseContents | null): string | null {
  for (const [table, n] of Object.entries(expected)) {
    const got = actual?.counts[table];
    if (got !== n) return `${table}: ${n} rows in the backup, ${got ?? "no table"} after restoring`;
  }
  return null;
}

/**
 * Restores a backup onto the database and photo folder the settings name. Refuses a
 * target that holds data unless `force`; checks afterwards that every table holds
 * the rows the manifest counted.
 */
export async function restoreBackup(
  options: RestoreOptions,
): Promise<{ manifest: Manifest; rows: number; photos: number }> {
  const file = path.resolve(options.file);
  const { dir, manifest } = await openBackup(file);
  try {
    if (manifest.provider !== options.database.provider) {
      throw new BackupError(
        `${file} is a backup of a ${LABEL[manifest.provider]} database but DATABASE_URL names a ${LABEL[options.database.provider]} one; restore it onto ${LABEL[manifest.provider]}`,
      );
    }
    if (!options.force) {
      const inUse = await targetInUse(options, manifest, dir);
      if (inUse) throw new BackupError(`The target is not empty (${inUse}); add --force to replace it`);
    }

    await loadDatabase(options.database, path.join(dir, manifest.database));

    let photos = 0;
    if (manifest.photos.included && "dir" in options.photos) {
      const target = options.photos.dir;
      rmSync(target, { recursive: true, force: true });
      mkdirSync(target, { recursive: true });
      const extracted = path.join(dir, UPLOADS);
      if (existsSync(extracted)) cpSync(extracted, target, { recursive: true });
      photos = listPhotos(target).files.length;
    }

    if (manifest.secrets) {
      mkdirSync(options.dataDir, { recursive: true });
      const secretsFile = path.join(options.dataDir, SECRETS);
      cpSync(path.join(dir, SECRETS), secretsFile);
      chmodSync(secretsFile, 0o600);
    }

    const after = await databaseContents(options.database);
    const differs = sameCounts(manifest.counts, after);
    if (differs) throw new BackupError(`The restore did not match the backup (${differs})`);
    if (manifest.photos.included && photos !== manifest.photos.files) {
      throw new BackupError(
        `The restore did not match the backup (${manifest.photos.files} photos in the backup, ${photos} restored)`,
      );
    }
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    return { manifest, rows, photos };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a backup's manifest without restoring it. */
export async function readManifest(file: string): Promise<Manifest> {
  const { dir, manifest } = await openBackup(path.resolve(file));
  rmSync(dir, { recursive: true, force: true });
  return manifest;
}
