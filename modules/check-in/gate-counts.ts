import "server-only";
import { db } from "@/lib/db";
import { ADMITTING_ORDERS, assertGate, type Gate } from "./gate";
import { gateDay } from "./gate-day";

/** The gate's counter: tickets checked in, of the valid tickets for its session (or all of today's). */
export async function gateCounts(gate: Gate, now: Date): Promise<{ checkedIn: number; total: number }> {
  await assertGate(gate);
  const today = gateDay(now);
  const where = {
    ...(gate.sessionId
      ? { sessionId: gate.sessionId }
      : { session: { festivalId: gate.festivalId, startsAt: { gte: today.start, lt: today.end } } }),
    status: "VALID" as const,
    order: { status: { in: [...ADMITTING_ORDERS] } },
  };
  const [total, checkedIn] = await Promise.all([
    db.ticket.count({ where }),
    db.ticket.count({ where: { ...where, checkedInAt: { not: null } } }),
  ]);
  return { checkedIn, total };
}
