import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import { type FestivalScope, sessionsIn } from "@/modules/auth/festival-scope";
import { passOnSeats } from "@/modules/inventory/offer-returned-seats";

/**
 * Closes or reopens a session's waiting list (an organiser of its festival, or an
 * admin). Closing stops joins and offers: entries still waiting become CLOSED, offers
 * already made stand. Reopening puts the closed entries back in their places and
 * offers any free seats at once. A session outside the scope is "not found".
 */
export async function setWaitlistClosed(
  actor: AuditActor,
  scope: FestivalScope,
  sessionId: string,
  closed: boolean,
  now = new Date(),
): Promise<{ closed: boolean; entries: number }> {
  const session = await db.festivalSession.findFirst({
    where: { id: sessionId, ...sessionsIn(scope) },
    select: { id: true, festivalId: true, waitlistClosed: true },
  });
  if (!session) throw new UserError("errors.notFound");
  const entries = await db.$transaction(async (tx) => {
    const changed = await tx.festivalSession.updateMany({
      where: { id: session.id, waitlistClosed: !closed },
      data: { waitlistClosed: closed },
    });
    // Already so: nothing to record.
    if (changed.count === 0) return 0;
    const moved = await tx.waitlistEntry.updateMany({
      where: { sessionId: session.id, status: closed ? "WAITING" : "CLOSED" },
      data: { status: closed ? "CLOSED" : "WAITING" },
    });
    await recordAudit(tx, actor, {
      action: closed ? "festival.waitlistClose" : "festival.waitlistReopen",
      entityType: "festival",
      entityId: session.festivalId,
      festivalId: session.festivalId,
      changes: { session: session.id, waitlistClosed: { from: !closed, to: closed }, entries: moved.count },
    });
    return moved.count;
  });
  if (!closed) await passOnSeats([session.id], now);
  return { closed, entries };
}
