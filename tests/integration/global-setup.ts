// Brings the database named by DATABASE_URL (a fresh, empty one the test runner
// created) to the committed migrations and seeds it, once per run.
import { loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";
import { seedDatabase } from "../../prisma/seed/seed";
import { migrateDeploy } from "../../scripts/lib/database";
import { assertLocalDatabase } from "../support/local-database";

export default async function setup() {
  const target = loadConfig().database;
  assertLocalDatabase(target);
  migrateDeploy(target);
  const db = createPrismaClient(target);
  try {
    await seedDatabase(db, process.env.DEMO_PASSWORD ?? "Integration-Demo-2026");
  } finally {
    await db.$disconnect();
  }
}
