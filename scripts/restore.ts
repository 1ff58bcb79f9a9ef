// `npm run db:restore -- <backup.tar.gz> [--force]`
// Restores a backup made by `npm run db:backup` onto the database DATABASE_URL names
// and the photo folder UPLOADS_DIR. A target holding data is refused unless --force.
// Stop the app first when replacing the data it serves.
import path from "node:path";
import { parseArgs } from "node:util";
import { pendingMigrations, readAppMigrations } from "../modules/health/migrations";
import { BackupError, restoreBackup } from "./lib/backup";
import { backupConfig, photoStore, runCommand } from "./lib/backup-cli";
import { root } from "./lib/run";

runCommand(async () => {
  let parsed: { values: { force?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { force: { type: "boolean" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new BackupError(
      `${error instanceof Error ? error.message : String(error)} (usage: npm run db:restore -- <backup.tar.gz> [--force])`,
    );
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0)
    throw new BackupError("Name one backup: npm run db:restore -- <backup.tar.gz> [--force]");
  const config = backupConfig();
  const { manifest, rows, photos } = await restoreBackup({
    file,
    database: config.database,
    photos: photoStore(config),
    dataDir: config.dataDir,
    force: parsed.values.force,
  });
  const where = config.database.provider === "sqlite" ? config.database.file : "PostgreSQL";
  const photoText = manifest.photos.included
    ? `${photos} photo files → ${config.uploadsDir}`
    : `no photos (they live in the S3 bucket ${manifest.photos.bucket})`;
  console.log(
    `✔ Restored the backup of ${manifest.createdAt}: ${rows} rows → ${where}, ${photoText}${manifest.secrets ? ", secrets" : ""}`,
  );
  const app = readAppMigrations(path.join(root, "prisma", "migrations", config.database.provider));
  const pending = app ? pendingMigrations(app, manifest.migrations) : [];
  if (pending.length > 0) {
    console.log(`  ${pending.length} newer migration(s) to apply: npm run db:migrate (npm start applies them too)`);
  }
});
