import "server-only";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";
import { releaseHeld } from "./capacity";
import { passOnSeats } from "./offer-returned-seats";

/**
 * Releases holds whose time is up and marks their orders expired. Runs before
 * seats or stock are counted or taken, and on a timer (instrumentation.ts), so no cron
 * job is needed. Each hold is released once: the update is guarded by its state.
 */
export async function releaseExpiredHolds(
  now = new Date(),
  scope?: { sessionIds?: string[]; productIds?: string[] },
): Promise<number> {
  // A plain statement: every buyer who meets a shortage runs this first, so it must be cheap.
  const parts = [
    scope?.sessionIds?.length ? Prisma.sql`"sessionId" IN (${Prisma.join(scope.sessionIds)})` : null,
    scope?.productIds?.length ? Prisma.sql`"productId" IN (${Prisma.join(scope.productIds)})` : null,
  ].filter((p) => p !== null);
  const within = !scope
    ? Prisma.empty
    : parts.length === 0
      ? Prisma.sql`AND 1 = 0`
      : Prisma.sql`AND (${Prisma.join(parts, " OR ")})`;
  const expired = await db.$queryRaw<
    { id: string; orderId: string; sessionId: string | null; productId: string | null; quantity: number }[]
  >`
    SELECT "id", "orderId", "sessionId", "productId", "quantity" FROM "Hold"
    WHERE "status" = 'ACTIVE' AND "expiresAt" <= ${now} ${within}
    LIMIT 500`;
  let released = 0;
  const sessions = new Set<string>();
  for (const hold of expired) {
    const done = await db.$transaction(
      async (tx) => {
        const claimed = await tx.hold.updateMany({
          where: { id: hold.id, status: "ACTIVE" },
          data: { status: "RELEASED" },
        });
        if (claimed.count === 0) return false;
        await releaseHeld(tx, hold);
        await tx.order.updateMany({ where: { id: hold.orderId, status: "PENDING" }, data: { status: "EXPIRED" } });
        return true;
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    if (done) {
      released++;
      if (hold.sessionId) sessions.add(hold.sessionId);
    }
  }
  // After the commits: the seats go to the sessions' waiting lists first (an expired offer passes on).
  if (sessions.size > 0) await passOnSeats(sessions, now);
  return released;
}
