// `npm run db:seed`: seeds the database DATABASE_URL names.
import { demoPassword, loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";
import { seedDatabase } from "./seed";

const config = loadConfig();
const db = createPrismaClient(config.database);
try {
  await seedDatabase(db, demoPassword(config));
} finally {
  await db.$disconnect();
}
