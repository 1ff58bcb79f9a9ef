// `npm run db:backup` / `db:restore`: a round trip on the database this run uses
// (SQLite, then PostgreSQL), onto a fresh empty target, and every refusal.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../../lib/database-url";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { readAppMigrations } from "../../modules/health/migrations";
import { BackupError, createBackup, type Manifest, restoreBackup } from "../../scripts/lib/backup";
import { databaseContents } from "../../scripts/lib/backup-db";
import { root } from "../../scripts/lib/run";
import { target, testDb } from "../support/db";

const scratch = mkdtempSync(path.join(tmpdir(), "suoqian-backup-test-"));
const sourcePhotos = path.join(scratch, "uploads");
const sourceData = path.join(scratch, "data");
const photoId = randomBytes(16).toString("hex");
const photoBytes = randomBytes(48_000);
const markerEmail = `backup-marker-${randomBytes(4).toString("hex")}@example.test`;
const appMigrations = readAppMigrations(path.join(root, "prisma", "migrations", target.provider)) ?? [];

/** Empty databases of this run's provider, dropped at the end. */
const made: { target: DatabaseTarget; db?: Db }[] = [];
async function emptyTarget(): Promise<DatabaseTarget> {
  let fresh: DatabaseTarget;
  if (target.provider === "sqlite") {
    const file = path.join(scratch, `restored-${made.length}.db`);
    fresh = { provider: "sqlite", file, url: `file:${file}` };
  } else {
    // A new database on the server this run started.
    const name = `restore_${Date.now()}_${made.length}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(target.url);
    url.pathname = `/${name}`;
    fresh = { provider: "postgresql", url: url.toString() };
  }
  made.push({ target: fresh });
  return fresh;
}
function clientFor(t: DatabaseTarget): Db {
  const entry = made.find((m) => m.target === t);
  if (!entry) throw new Error("not a target of this test");
  entry.db ??= createPrismaClient(t);
  return entry.db;
}
async function disconnect(t: DatabaseTarget): Promise<void> {
  const entry = made.find((m) => m.target === t);
  await entry?.db?.$disconnect();
  if (entry) entry.db = undefined;
}
const otherProvider: DatabaseTarget =
  target.provider === "sqlite"
    ? { provider: "postgresql", url: "postgresql://postgres@127.0.0.1:1/nowhere" }
    : { provider: "sqlite", file: path.join(scratch, "other.db"), url: `file:${path.join(scratch, "other.db")}` };

let backup: { file: string; manifest: Manifest };
let before: NonNullable<Awaited<ReturnType<typeof databaseContents>>>;

beforeAll(async () => {
  mkdirSync(path.join(sourcePhotos, photoId), { recursive: true });
  writeFileSync(path.join(sourcePhotos, photoId, "640.webp"), photoBytes);
  writeFileSync(path.join(sourcePhotos, photoId, "1280.webp.99.tmp"), "half written");
  mkdirSync(sourceData, { recursive: true });
  writeFileSync(path.join(sourceData, "secrets.json"), JSON.stringify({ authSecret: "a".repeat(40) }));
  await testDb.user.create({
    data: { email: markerEmail, name: "备份标记 Backup marker", passwordHash: "not-a-hash", role: "VISITOR" },
  });
  const counted = await databaseContents(target);
  if (!counted) throw new Error("the run's database is missing");
  before = counted;
  backup = await createBackup({
    database: target,
    photos: { dir: sourcePhotos },
    dataDir: sourceData,
    out: path.join(scratch, "backups"),
  });
});

afterAll(async () => {
  await testDb.user.deleteMany({ where: { email: markerEmail } });
  for (const m of made) await m.db?.$disconnect();
  if (target.provider === "postgresql") {
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    for (const m of made) {
      const name = new URL(m.target.url).pathname.slice(1);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    await admin.end();
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe("a backup", () => {
  it("is one .tar.gz, readable by its owner only, holding the database, the photos and a manifest", async () => {
    expect(path.dirname(backup.file)).toBe(path.join(scratch, "backups"));
    expect(path.basename(backup.file)).toMatch(
      new RegExp(`^suoqian-${target.provider}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.tar\\.gz$`),
    );
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    const entries: string[] = [];
    await tar.list({ file: backup.file, onReadEntry: (e) => entries.push(e.path) });
    expect(entries).toContain("manifest.json");
    expect(entries).toContain(target.provider === "sqlite" ? "database.sqlite" : "database.pgdump");
    expect(entries).toContain(`uploads/${photoId}/640.webp`);
    // Half-written uploads and the secrets stay out.
    expect(entries.some((e) => e.endsWith(".tmp"))).toBe(false);
    expect(entries).not.toContain("secrets.json");
  });

  it("has a manifest with the provider, the migrations, the time, every table's rows and the photos", () => {
    const m = backup.manifest;
    expect(m.provider).toBe(target.provider);
    expect(m.migrations).toEqual(appMigrations);
    expect(m.migration).toBe(appMigrations.at(-1));
    expect(Math.abs(Date.parse(m.createdAt) - Date.now())).toBeLessThan(60_000);
    expect(m.counts).toEqual(before.counts);
    expect(m.counts.User).toBeGreaterThan(1);
    expect(m.counts.Festival).toBeGreaterThan(0);
    expect(m.photos).toEqual({ included: true, files: 1, bytes: photoBytes.length });
    expect(m.secrets).toBe(false);
  });

  it("never overwrites an earlier backup", async () => {
    await expect(
      createBackup({ database: target, photos: { dir: sourcePhotos }, dataDir: sourceData, out: backup.file }),
    ).rejects.toThrow(/exists already/);
  });
});

describe("restoring onto a fresh, empty target", () => {
  let restored: DatabaseTarget;
  const photos = path.join(scratch, "restored-uploads");

  beforeAll(async () => {
    restored = await emptyTarget();
  });

  it("brings back every row, the marker, the migrations and the photo's bytes", async () => {
    const result = await restoreBackup({
      file: backup.file,
      database: restored,
      photos: { dir: photos },
      dataDir: path.join(scratch, "restored-data"),
    });
    expect(result.photos).toBe(1);
    expect(result.rows).toBe(Object.values(before.counts).reduce((a, b) => a + b, 0));

    const after = await databaseContents(restored);
    expect(after?.counts).toEqual(before.counts);
    expect(after?.migrations).toEqual(appMigrations);
    const db = clientFor(restored);
    const marker = await db.user.findUnique({ where: { email: markerEmail } });
    expect(marker?.name).toBe("备份标记 Backup marker");
    expect(await db.festival.count()).toBe(await testDb.festival.count());
    expect(readFileSync(path.join(photos, photoId, "640.webp")).equals(photoBytes)).toBe(true);
    // Secrets were not in it: none appear.
    expect(existsSync(path.join(scratch, "restored-data", "secrets.json"))).toBe(false);
  });

  it("refuses to overwrite the now non-empty target without --force, and writes nothing", async () => {
    const db = clientFor(restored);
    await db.user.deleteMany({ where: { email: markerEmail } });
    await expect(
      restoreBackup({ file: backup.file, database: restored, photos: { dir: photos }, dataDir: scratch }),
    ).rejects.toThrow(/^The target is not empty \(.*rows.*photos\); add --force to replace it$/);
    expect(await db.user.count({ where: { email: markerEmail } })).toBe(0);
  });

  it("replaces it with --force", async () => {
    // As the README says: stop the app first (its open connections would keep reading what they had).
    await disconnect(restored);
    writeFileSync(path.join(photos, "stray.webp"), "not from the backup");
    await restoreBackup({
      file: backup.file,
      database: restored,
      photos: { dir: photos },
      dataDir: scratch,
      force: true,
    });
    const db = clientFor(restored);
    expect(await db.user.count({ where: { email: markerEmail } })).toBe(1);
    expect((await databaseContents(restored))?.counts).toEqual(before.counts);
    expect(readdirSync(photos)).toEqual([photoId]);
  });

  it("refuses a target that holds photos only", async () => {
    const fresh = await emptyTarget();
    const busy = path.join(scratch, "busy-uploads");
    mkdirSync(path.join(busy, "x"), { recursive: true });
    await expect(
      restoreBackup({ file: backup.file, database: fresh, photos: { dir: busy }, dataDir: scratch }),
    ).rejects.toThrow(/busy-uploads holds photos/);
  });
});

describe("restore refuses, in one line", () => {
  const opts = () => ({ database: target, photos: { dir: path.join(scratch, "never") }, dataDir: scratch });

  it("a missing file", async () => {
    await expect(restoreBackup({ ...opts(), file: path.join(scratch, "missing.tar.gz") })).rejects.toThrow(
      /^No backup at .*missing\.tar\.gz$/,
    );
  });

  it("a file that is not a backup", async () => {
    const junk = path.join(scratch, "junk.tar.gz");
    writeFileSync(junk, randomBytes(2048));
    await expect(restoreBackup({ ...opts(), file: junk })).rejects.toThrow(/junk\.tar\.gz is not a readable backup/);
    // A real archive without a manifest.
    const bare = path.join(scratch, "bare.tar.gz");
    await tar.create({ gzip: true, file: bare, cwd: sourcePhotos }, [photoId]);
    await expect(restoreBackup({ ...opts(), file: bare })).rejects.toThrow(/not a readable backup \(no manifest\.json/);
  });

  it("a backup of the other provider", async () => {
    await expect(restoreBackup({ ...opts(), database: otherProvider, file: backup.file })).rejects.toThrow(
      target.provider === "sqlite"
        ? /is a backup of a SQLite database but DATABASE_URL names a PostgreSQL one/
        : /is a backup of a PostgreSQL database but DATABASE_URL names a SQLite one/,
    );
    if (otherProvider.provider === "sqlite") expect(existsSync(otherProvider.file)).toBe(false);
  });

  it("errors are BackupErrors (printed as one line by the commands)", async () => {
    await expect(restoreBackup({ ...opts(), file: path.join(scratch, "nope") })).rejects.toBeInstanceOf(BackupError);
  });
});

describe("secrets", () => {
  it("go in only when asked, and come back readable by the owner only; other secrets at the target need --force", async () => {
    const withSecrets = await createBackup({
      database: target,
      photos: { dir: sourcePhotos },
      dataDir: sourceData,
      out: path.join(scratch, "with-secrets.tar.gz"),
      includeSecrets: true,
    });
    expect(withSecrets.manifest.secrets).toBe(true);
    const fresh = await emptyTarget();
    const dataDir = path.join(scratch, "secret-target");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, "secrets.json"), "{}");
    const photos = path.join(scratch, "secret-uploads");
    await expect(
      restoreBackup({ file: withSecrets.file, database: fresh, photos: { dir: photos }, dataDir }),
    ).rejects.toThrow(/secrets\.json holds other secrets/);
    rmSync(path.join(dataDir, "secrets.json"));
    await restoreBackup({ file: withSecrets.file, database: fresh, photos: { dir: photos }, dataDir });
    const secrets = path.join(dataDir, "secrets.json");
    expect(readFileSync(secrets, "utf8")).toBe(readFileSync(path.join(sourceData, "secrets.json"), "utf8"));
    expect(statSync(secrets).mode & 0o777).toBe(0o600);
  });
});

describe("photos in an S3 bucket", () => {
  it("are left to the bucket: the backup says so and a restore leaves the photo folder alone", async () => {
    const s3 = await createBackup({
      database: target,
      photos: { bucket: "suoqian-photos" },
      dataDir: sourceData,
      out: path.join(scratch, "s3.tar.gz"),
    });
    expect(s3.manifest.photos).toEqual({ included: false, bucket: "suoqian-photos" });
    const entries: string[] = [];
    await tar.list({ file: s3.file, onReadEntry: (e) => entries.push(e.path) });
    expect(entries.some((e) => e.startsWith("uploads"))).toBe(false);
    const fresh = await emptyTarget();
    const result = await restoreBackup({
      file: s3.file,
      database: fresh,
      photos: { bucket: "suoqian-photos" },
      dataDir: scratch,
    });
    expect(result.photos).toBe(0);
    expect((await databaseContents(fresh))?.counts).toEqual(s3.manifest.counts);
  });
});

describe("the commands", () => {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const env = {
    ...process.env,
    DATABASE_URL: target.url,
    UPLOADS_DIR: sourcePhotos,
    DATA_DIR: path.join(scratch, "cli-data"),
    S3_BUCKET: undefined,
  };

  it("npm run db:backup writes a backup into --out and says what it holds", () => {
    const out = path.join(scratch, "cli-backups");
    const run = spawnSync(tsx, ["scripts/backup.ts", "--out", out], { cwd: root, env, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^✔ Backed up .* 1 photo files, no secrets → .*\.tar\.gz\n$/);
    expect(readdirSync(out)).toHaveLength(1);
    // Reading the settings generated no secrets file.
    expect(existsSync(path.join(scratch, "cli-data", "secrets.json"))).toBe(false);
  });

  it("npm run db:restore refuses a missing file and a non-empty target with one line and exit code 1", () => {
    const missing = spawnSync(tsx, ["scripts/restore.ts", path.join(scratch, "missing.tar.gz")], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^✖ No backup at .*missing\.tar\.gz\n$/);
    const busy = spawnSync(tsx, ["scripts/restore.ts", backup.file], { cwd: root, env, encoding: "utf8" });
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/^✖ The target is not empty .* add --force to replace it\n$/);
    const usage = spawnSync(tsx, ["scripts/restore.ts"], { cwd: root, env, encoding: "utf8" });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^✖ Name one backup/);
  });
});
