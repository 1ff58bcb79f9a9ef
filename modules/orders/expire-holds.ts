import "server-only";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";
import { releaseSeats } from "./capacity";

/**
 * Releases holds whose time is up and marks their orders expired. Runs before
 * seats are counted or taken, and on a timer (instrumentation.ts), so no cron
 * job is needed. Each hold is released once: the update is guarded by its state.
 */
export async function releaseExpiredHolds(now = new Date(), sessionIds?: string[]): Promise<number> {
  // A plain statement: every buyer who meets a shortage runs this first, so it must be cheap.
  const inSessions = sessionIds ? Prisma.sql`AND "sessionId" IN (${Prisma.join(sessionIds)})` : Prisma.empty;
  const expired = await db.$queryRaw<{ id: string; orderId: string; sessionId: string | null; quantity: number }[]>`
    SELECT "id", "orderId", "sessionId", "quantity" FROM "Hold"
    WHERE "status" = 'ACTIVE' AND "expiresAt" <= ${now} ${inSessions}
    LIMIT 500`;
  let released = 0;
  for (const hold of expired) {
    const done = await db.$transaction(
      async (tx) => {
        const claimed = await tx.hold.updateMany({
          where: { id: hold.id, status: "ACTIVE" },
          data: { status: "RELEASED" },
        });
        if (claimed.count === 0) return false;
        if (hold.sessionId) await releaseSeats(tx, hold.sessionId, Number(hold.quantity));
        await tx.order.updateMany({ where: { id: hold.orderId, status: "PENDING" }, data: { status: "EXPIRED" } });
        return true;
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    if (done) released++;
  }
  return released;
}
