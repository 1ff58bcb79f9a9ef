// `npm run db:seed`: seeds the database DATABASE_URL names.
import { loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";
import { seedDatabase } from "./seed";

const db = createPrismaClient(loadConfig().database);
try {
  await seedDatabase(db);
} finally {
  await db.$disconnect();
}
