// `npm run db:seed`: seeds the database DATABASE_URL names.
import { demoPassword, demoPasswordApplied, earlierDemoPasswords, loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";
import { seedDatabase } from "./seed";

const config = loadConfig();
const db = createPrismaClient(config.database);
const password = demoPassword(config);
try {
  await seedDatabase(db, password, { earlier: earlierDemoPasswords(config, password) });
  demoPasswordApplied(config, password);
} finally {
  await db.$disconnect();
}
