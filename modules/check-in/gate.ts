import "server-only";
import { db } from "@/lib/db";

// Who may run a gate, and which orders' tickets admit at all.

/** The signed-in user does not organise the festival the gate is for. */
export class NotOrganiserError extends Error {}
/** The gate's session is not one of its festival's. */
export class UnknownSessionError extends Error {}

/** Only tickets of orders in these states admit (a pending or cancelled order's never do). */
export const ADMITTING_ORDERS = ["PAID", "PARTIALLY_REFUNDED"] as const;

export type Gate = { festivalId: string; sessionId: string | null; userId: string };

/** Refuses a gate the user may not run: a festival they do not organise, or a session not of that festival. */
export async function assertGate({ festivalId, sessionId, userId }: Gate): Promise<void> {
  if (!(await organises(userId, festivalId))) throw new NotOrganiserError();
  if (
    sessionId &&
    !(await db.festivalSession.findFirst({ where: { id: sessionId, festivalId }, select: { id: true } }))
  )
    throw new UnknownSessionError();
}

/** The user is one of the festival's organisers. */
export async function organises(userId: string, festivalId: string): Promise<boolean> {
  const link = await db.festivalOrganiser.findUnique({ where: { festivalId_userId: { festivalId, userId } } });
  return link !== null;
}
