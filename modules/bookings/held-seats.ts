import "server-only";
import { db } from "@/lib/db";
import { groupHolds, type HoldGroup } from "./hold-groups";
import { festivalStats, type SessionStats } from "./queries";

export type SessionHolds = SessionStats & {
  /** The largest groups of unpaid holds by client address, and how many groups there are in all. */
  groups: HoldGroup[];
  groupCount: number;
};

/**
 * Per session of the festival (or only the one asked for): seats sold (valid tickets),
 * seats held by unpaid orders (active holds not yet run out), and those holds grouped
 * by the client address the orders came from, largest groups first. The caller has
 * checked that the festival is within the user's scope.
 */
export async function heldSeatsByAddress(
  festivalId: string,
  options: { sessionId?: string; now?: Date } = {},
): Promise<SessionHolds[]> {
  const now = options.now ?? new Date();
  const [stats, holds] = await Promise.all([
    festivalStats(festivalId, now),
    db.hold.findMany({
      where: {
        session: { festivalId },
        ...(options.sessionId ? { sessionId: options.sessionId } : {}),
        status: "ACTIVE",
        expiresAt: { gt: now },
      },
      select: {
        sessionId: true,
        quantity: true,
        createdAt: true,
        order: { select: { id: true, clientAddress: true, phoneVerified: true, customerPhone: true } },
      },
    }),
  ]);
  const sessions = options.sessionId ? stats.filter((s) => s.id === options.sessionId) : stats;
  return sessions.map((session) => {
    const rows = holds
      .filter((h) => h.sessionId === session.id)
      .map((h) => ({
        orderId: h.order.id,
        clientAddress: h.order.clientAddress,
        phoneVerified: h.order.phoneVerified,
        customerPhone: h.order.customerPhone,
        seats: h.quantity,
        heldAt: h.createdAt,
      }));
    const { groups, total } = groupHolds(rows);
    return { ...session, groups, groupCount: total };
  });
}
