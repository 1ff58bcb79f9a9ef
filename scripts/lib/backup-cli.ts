// What the backup and restore commands share: the settings they act on, read
// without side effects, and one-line failures.
import { type AppConfig, ConfigError, loadConfig } from "../../lib/config";
import { BackupError, type PhotoStore } from "./backup";

/**
 * The settings, as the app reads them. Placeholders stand in for unset secrets:
 * loadConfig would otherwise generate DATA_DIR/secrets.json, and a restore must
 * find that folder as the operator left it.
 */
export function backupConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const placeholder = "backup-placeholder-not-a-secret-0000";
  return loadConfig({
    ...source,
    AUTH_SECRET: source.AUTH_SECRET || source.NEXTAUTH_SECRET || placeholder,
    TICKET_SECRET: source.TICKET_SECRET || placeholder,
  });
}

/** Photos in an S3 bucket are the bucket's to keep (its versioning or replication); else the local folder. */
export function photoStore(config: AppConfig): PhotoStore {
  return config.media.kind === "s3" ? { bucket: config.media.bucket } : { dir: config.media.dir };
}

/** Runs a command's main: a refusal, a bad setting or a failure is one line and exit code 1. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const known = error instanceof BackupError || error instanceof ConfigError;
    const text = error instanceof Error ? error.message : String(error);
    console.error(`✖ ${known ? text : `Unexpected failure: ${text.split("\n")[0]}`}`);
    process.exitCode = 1;
  });
}
