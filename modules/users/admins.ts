import { Prisma } from "@/generated/prisma/sqlite/client";
import type { Db } from "@/lib/db-client";

// Free of "server-only": `npm run user:create` (scripts/user-create.ts) keeps the
// same rule as the admin's user page.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks the rows of every enabled administrator, then the account about to change,
 * until the transaction ends, and answers the enabled administrators' ids. Every
 * role change and every disabling locks in this order, so two administrators who
 * demote each other at the same moment take turns: the second one reads the first
 * one's change and is refused as the last administrator. (PostgreSQL: FOR UPDATE,
 * in id order; a SQLite transaction holds the one write lock from its start.)
 */
export async function lockAccounts(tx: Tx, userId: string, provider: "sqlite" | "postgresql"): Promise<string[]> {
  const lock = provider === "postgresql" ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabledAt" IS NULL ORDER BY "id" ${lock}`;
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} ${lock}`;
  return admins.map((a) => a.id);
}

/** Whether taking this account's administrator rights away would leave no enabled administrator. */
export function isLastEnabledAdmin(enabledAdmins: readonly string[], userId: string): boolean {
  return enabledAdmins.length === 1 && enabledAdmins[0] === userId;
}
