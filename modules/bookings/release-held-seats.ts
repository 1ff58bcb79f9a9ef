import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import { type FestivalScope, sessionsIn } from "@/modules/auth/festival-scope";
import { cancelOrder } from "@/modules/orders/cancel-order";

// An organiser releases a suspicious group of unpaid holds: every pending order holding
// seats of one session that came from one client address (or only those whose number
// was never proven). Each order is cancelled as the buyer or staff would cancel it
// (cancel-order.ts): guarded by its state, its seats back on sale and offered to the
// waiting list first, its own audit entry; this adds one entry for the group.

export type ReleaseHoldsRequest = {
  sessionId: string;
  clientAddress: string;
  /** Only the orders whose buyer did not prove the number by an SMS code. */
  unverifiedOnly: boolean;
  now?: Date;
};

export type ReleaseHoldsResult = {
  /** Orders cancelled, and the seats their holds gave back. */
  orders: number;
  seats: number;
  /** Orders left as they were: they also hold what is not the caller's to cancel, or were paid meanwhile. */
  skipped: number;
  /** Matching orders past this call's batch; releasing again takes them. */
  remaining: number;
};

/** At most this many orders per call, so one request stays short; the answer says how many remain. */
export const RELEASE_BATCH = 500;

function heldOrdersWhere(sessionId: string, request: ReleaseHoldsRequest, now: Date) {
  return {
    status: "PENDING" as const,
    clientAddress: request.clientAddress,
    ...(request.unverifiedOnly ? { phoneVerified: false } : {}),
    holds: { some: { sessionId, status: "ACTIVE" as const, expiresAt: { gt: now } } },
  };
}

/**
 * Releases the unpaid holds of one session from one client address, within the
 * caller's festival scope; a session outside it is "not found". Nothing to release
 * is an error, so a second click (or a colleague's) says so rather than "0 released".
 */
export async function releaseHeldSeats(
  actor: AuditActor,
  scope: FestivalScope,
  request: ReleaseHoldsRequest,
): Promise<ReleaseHoldsResult> {
  const now = request.now ?? new Date();
  const clientAddress = request.clientAddress.trim();
  if (!clientAddress) throw new UserError("errors.checkFields", { clientAddress: "bookings.holds.addressRequired" });
  const session = await db.festivalSession.findFirst({
    where: { id: request.sessionId, ...sessionsIn(scope) },
    select: { id: true, festivalId: true },
  });
  if (!session) throw new UserError("errors.notFound");
  const where = heldOrdersWhere(session.id, { ...request, clientAddress }, now);
  const orders = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: RELEASE_BATCH,
    select: {
      id: true,
      code: true,
      holds: { where: { status: "ACTIVE", sessionId: { not: null } }, select: { quantity: true } },
    },
  });
  if (orders.length === 0) throw new UserError("bookings.holds.noneToRelease");

  const released: { code: string; seats: number }[] = [];
  let skipped = 0;
  try {
    for (const order of orders) {
      try {
        await cancelOrder({
          orderId: order.id,
          ticketIds: "all",
          by: { kind: "staff", actor, scope },
          reason: `booking.releaseHolds ${clientAddress}`,
          now,
        });
        released.push({ code: order.code, seats: order.holds.reduce((sum, h) => sum + h.quantity, 0) });
      } catch (error) {
        // Paid or cancelled meanwhile, or also holding another festival's tickets or products: left alone.
        if (!(error instanceof UserError)) throw error;
        skipped++;
      }
    }
  } finally {
    // Also when a failure stopped the batch half-way: the orders already cancelled are on record as a group.
    if (released.length > 0) await recordGroup(actor, session, { ...request, clientAddress }, released);
  }
  const seats = released.reduce((sum, r) => sum + r.seats, 0);
  const remaining = Math.max(0, (await db.order.count({ where })) - skipped);
  log().info(
    { sessionId: session.id, orders: released.length, seats, skipped, remaining },
    "unpaid holds released by address",
  );
  return { orders: released.length, seats, skipped, remaining };
}

async function recordGroup(
  actor: AuditActor,
  session: { id: string; festivalId: string },
  request: ReleaseHoldsRequest,
  released: { code: string; seats: number }[],
) {
  await recordAudit(db, actor, {
    action: "booking.releaseHolds",
    entityType: "festival",
    entityId: session.festivalId,
    festivalId: session.festivalId,
    changes: {
      session: session.id,
      clientAddress: request.clientAddress,
      unverifiedOnly: request.unverifiedOnly,
      orders: released.length,
      seats: released.reduce((sum, r) => sum + r.seats, 0),
      orderCodes: released.map((r) => r.code),
    },
  });
}
