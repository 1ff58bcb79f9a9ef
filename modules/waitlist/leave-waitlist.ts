import "server-only";
import { tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { releaseHeld } from "@/modules/inventory/capacity";
import { passOnSeats } from "@/modules/inventory/offer-returned-seats";
import { LEAVE_TOKEN_FORMAT } from "./schemas";

/** The entry a leave link stands for (its festival's slug, its id, its token), or null. */
export async function findEntryByToken(slug: string, entryId: string, token: string | null) {
  if (!token || !LEAVE_TOKEN_FORMAT.test(token) || entryId.length > 64) return null;
  const entry = await db.waitlistEntry.findFirst({
    where: { id: entryId, session: { festival: { slug } } },
    select: {
      id: true,
      sessionId: true,
      status: true,
      quantity: true,
      createdAt: true,
      orderId: true,
      offerExpiresAt: true,
      leaveTokenHash: true,
      ticketType: { select: { nameZh: true, nameEn: true } },
      session: {
        select: { startsAt: true, endsAt: true, festival: { select: { slug: true, nameZh: true, nameEn: true } } },
      },
    },
  });
  // Looked up by id; the token is compared in constant time.
  if (!entry || !tokenMatches(token, entry.leaveTokenHash)) return null;
  return entry;
}

export type LeaveOutcome = "left" | "claimed" | null;

/**
 * Leaves the waiting list with the link from the confirmation mail. An entry holding
 * an unpaid offer gives its seats back at once (its order is cancelled) and they pass
 * to the next entry. A claimed (paid) entry stays: its tickets are cancelled like any
 * other. Leaving twice is the same as once. Null: no such entry for this token.
 */
export async function leaveWaitlist(
  slug: string,
  entryId: string,
  token: string | null,
  now = new Date(),
): Promise<LeaveOutcome> {
  const entry = await findEntryByToken(slug, entryId, token);
  if (!entry) return null;
  if (entry.status === "LEFT") return "left";
  if (entry.status === "CLAIMED") return "claimed";
  if (entry.status !== "OFFERED") {
    const left = await db.waitlistEntry.updateMany({
      where: { id: entry.id, status: { in: ["WAITING", "CLOSED", "EXPIRED"] } },
      data: { status: "LEFT" },
    });
    // Offered or claimed meanwhile: look again.
    return left.count === 1 ? "left" : leaveWaitlist(slug, entryId, token, now);
  }
  // An offer: its order is released in the same transaction, in the lock order the
  // offers and payments use (session, then holds, the order, the entry).
  const outcome = await db.$transaction(
    async (tx) => {
      if (env.database.provider === "postgresql") {
        await tx.$queryRaw`SELECT "id" FROM "FestivalSession" WHERE "id" = ${entry.sessionId} FOR UPDATE`;
      }
      const order = entry.orderId
        ? await tx.order.findUnique({ where: { id: entry.orderId }, select: { id: true, status: true } })
        : null;
      if (order && (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" || order.status === "REFUNDED")) {
        return "claimed" as const;
      }
      if (order?.status === "PENDING") {
        const holds = await tx.hold.findMany({
          where: { orderId: order.id, status: "ACTIVE" },
          select: { id: true, sessionId: true, productId: true, quantity: true },
        });
        for (const hold of holds) {
          const claimed = await tx.hold.updateMany({
            where: { id: hold.id, status: "ACTIVE" },
            data: { status: "RELEASED" },
          });
          if (claimed.count === 1) await releaseHeld(tx, hold);
        }
        const cancelled = await tx.order.updateMany({
          where: { id: order.id, status: "PENDING" },
          data: { status: "CANCELLED", cancelledAt: now },
        });
        if (cancelled.count !== 1) throw new Error("waitlist leave: the offer's order changed under it");
      }
      const left = await tx.waitlistEntry.updateMany({
        where: { id: entry.id, status: { in: ["OFFERED", "EXPIRED"] } },
        data: { status: "LEFT" },
      });
      if (left.count !== 1) throw new Error("waitlist leave: the entry changed under it");
      return "left" as const;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  if (outcome === "left") await passOnSeats([entry.sessionId], now);
  return outcome;
}
