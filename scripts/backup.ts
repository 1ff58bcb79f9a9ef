// `npm run db:backup [-- --out <folder or file.tar.gz>] [--include-secrets]`
// Backs up the database DATABASE_URL names (SQLite: online, while the app runs;
// PostgreSQL: pg_dump) and the photos in UPLOADS_DIR into one .tar.gz with a
// manifest. DATA_DIR/secrets.json is left out unless --include-secrets.
import { parseArgs } from "node:util";
import { BackupError, createBackup } from "./lib/backup";
import { backupConfig, photoStore, runCommand } from "./lib/backup-cli";

runCommand(async () => {
  let values: { out?: string; "include-secrets"?: boolean };
  try {
    ({ values } = parseArgs({
      options: { out: { type: "string" }, "include-secrets": { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BackupError(
      `${error instanceof Error ? error.message : String(error)} (usage: npm run db:backup -- [--out <folder or file.tar.gz>] [--include-secrets])`,
    );
  }
  const config = backupConfig();
  const { file, manifest } = await createBackup({
    database: config.database,
    photos: photoStore(config),
    dataDir: config.dataDir,
    out: values.out,
    includeSecrets: values["include-secrets"],
  });
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  const photos = manifest.photos.included
    ? `${manifest.photos.files} photo files`
    : `no photos (they live in the S3 bucket ${manifest.photos.bucket})`;
  console.log(
    `✔ Backed up ${manifest.provider} (${rows} rows in ${Object.keys(manifest.counts).length} tables, migration ${manifest.migration ?? "none"}), ${photos}${manifest.secrets ? ", secrets" : ", no secrets"} → ${file}`,
  );
});
