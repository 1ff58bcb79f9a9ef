import { loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";

/** The database this run tests against (DATABASE_URL), with a client of the tests' own. */
export const target = loadConfig().database;
export const testDb = createPrismaClient(target);

/** The demo accounts' password in this run (scripts/test.ts sets a fresh one per run). */
export const demoPassword = process.env.DEMO_PASSWORD ?? "Integration-Demo-2026";
