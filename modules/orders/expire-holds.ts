import "server-only";
import { db } from "@/lib/db";
import { releaseSeats } from "./capacity";

/**
 * Releases holds whose time is up and marks their orders expired. Runs before
 * seats are counted or taken, and on a timer (instrumentation.ts), so no cron
 * job is needed. Each hold is released once: the update is guarded by its state.
 */
export async function releaseExpiredHolds(now = new Date(), sessionIds?: string[]): Promise<number> {
  const expired = await db.hold.findMany({
    where: { status: "ACTIVE", expiresAt: { lte: now }, ...(sessionIds ? { sessionId: { in: sessionIds } } : {}) },
    select: { id: true, orderId: true, sessionId: true, quantity: true },
    take: 500,
  });
  let released = 0;
  for (const hold of expired) {
    const done = await db.$transaction(
      async (tx) => {
        const claimed = await tx.hold.updateMany({
          where: { id: hold.id, status: "ACTIVE" },
          data: { status: "RELEASED" },
        });
        if (claimed.count === 0) return false;
        if (hold.sessionId) await releaseSeats(tx, hold.sessionId, hold.quantity);
        await tx.order.updateMany({ where: { id: hold.orderId, status: "PENDING" }, data: { status: "EXPIRED" } });
        return true;
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    if (done) released++;
  }
  return released;
}
