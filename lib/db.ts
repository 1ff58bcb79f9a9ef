import "server-only";
import { createPrismaClient, type Db } from "./db-client";
import { env } from "./env";

// The app's one Prisma client. Kept on globalThis so dev-mode reloads reuse it.
const globalForDb = globalThis as unknown as { suoqianDb?: Db };

export const db: Db = globalForDb.suoqianDb ?? createPrismaClient(env.database);
if (env.nodeEnv !== "production") globalForDb.suoqianDb = db;

export type { Db };
