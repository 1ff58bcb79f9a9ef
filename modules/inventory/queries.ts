import "server-only";
import { db } from "@/lib/db";
import type { Bilingual } from "@/lib/localized";

export type HeldSession = { id: string; startsAt: string; endsAt: string; festival: Bilingual };

/**
 * Sessions still to come that the user holds a valid, paid ticket for: where
 * workshop products can be picked up at the festival gate.
 */
export async function heldSessions(userId: string, now = new Date()): Promise<HeldSession[]> {
  const sessions = await db.festivalSession.findMany({
    where: {
      startsAt: { gt: now },
      tickets: { some: { status: "VALID", order: { userId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } } } },
    },
    orderBy: { startsAt: "asc" },
    take: 50,
    select: { id: true, startsAt: true, endsAt: true, festival: { select: { nameZh: true, nameEn: true } } },
  });
  return sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    festival: { zh: s.festival.nameZh, en: s.festival.nameEn },
  }));
}
