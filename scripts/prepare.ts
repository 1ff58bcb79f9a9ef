// Runs before `next start` (npm start): checks the settings, builds when the
// sources changed, migrates the database and seeds the demo data. Later starts
// skip the build and keep all data.
import path from "node:path";
import {
  ConfigError,
  demoPassword,
  demoPasswordApplied,
  earlierDemoPasswords,
  loadConfig,
  requireSharedSecrets,
} from "../lib/config";
import { createPrismaClient } from "../lib/db-client";
import { seedDatabase } from "../prisma/seed/seed";
import { buildIsCurrent, clearDataCache, sourceHash, writeBuildStamp } from "./lib/build-stamp";
import { addCompileHints } from "./lib/compile-hints";
import { migrateDeploy } from "./lib/database";
import { nodeVersionProblem } from "./lib/node-version";
import { bin, root, run } from "./lib/run";

const skipBuild = process.argv.includes("--no-build");

function seedWanted(provider: "sqlite" | "postgresql"): boolean {
  const value = process.env.SEED_DEMO_DATA;
  if (value === undefined || value === "") return provider === "sqlite";
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new ConfigError(`Invalid setting SEED_DEMO_DATA: expected "true" or "false", got "${value}"`);
}

async function main() {
  const started = Date.now();
  const tooOld = nodeVersionProblem();
  if (tooOld) throw new ConfigError(tooOld);
  // Several instances share one PostgreSQL: their secrets must come from the environment.
  requireSharedSecrets();
  const config = loadConfig();
  const seed = seedWanted(config.database.provider);
  // Data first: static pages are prerendered from the database at build time.
  console.log(`▸ Migrating the ${config.database.provider} database…`);
  migrateDeploy(config.database);
  const password = seed ? demoPassword(config) : null;
  if (password) {
    const db = createPrismaClient(config.database);
    try {
      await seedDatabase(db, password, { earlier: earlierDemoPasswords(config, password) });
    } finally {
      await db.$disconnect();
    }
    demoPasswordApplied(config, password);
  }
  if (!skipBuild) {
    const hash = sourceHash(config.database.url);
    if (buildIsCurrent(hash)) {
      console.log("▸ Build is up to date.");
    } else {
      console.log("▸ Building the app (first start, sources or database changed)…");
      clearDataCache();
      run("next build", bin("next"), ["build"], { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
      addCompileHints(path.join(root, ".next"));
      writeBuildStamp(hash);
    }
  }
  console.log(`▸ Ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s of preparation.`);
  // The one line a first-time user needs; the password is this install's own (or DEMO_PASSWORD).
  if (password) {
    console.log(
      `▸ Demo accounts: sign in at ${config.siteUrl}/sign-in as admin@suoqian.test (or visitor@, farmer@, organiser@, organiser.cherry@suoqian.test) with the password ${password}`,
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`✖ ${error.message}`);
  } else {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
