import "server-only";
import { db } from "@/lib/db";
import { type FestivalScope, inScope } from "@/modules/auth/festival-scope";

export type WaitlistRow = {
  position: number;
  id: string;
  customerName: string;
  customerPhone: string;
  customerEmail: string;
  quantity: number;
  ticketType: { zh: string; en: string };
  status: "WAITING" | "OFFERED" | "CLAIMED" | "EXPIRED" | "LEFT" | "CLOSED";
  createdAt: Date;
  offerExpiresAt: Date | null;
  orderId: string | null;
};

export type SessionWaitlist = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  reserved: number;
  closed: boolean;
  /** Seats the list resold: the tickets of claimed offers. */
  resold: number;
  waiting: number;
  entries: WaitlistRow[];
};

/**
 * A festival's waiting lists, per session, in list order (createdAt, then id), for
 * the organiser's page. Null when the festival is not within the caller's scope.
 */
export async function festivalWaitlist(
  scope: FestivalScope,
  festivalId: string,
): Promise<{ sessions: SessionWaitlist[] } | null> {
  if (!inScope(scope, festivalId)) return null;
  const sessions = await db.festivalSession.findMany({
    where: { festivalId },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      reserved: true,
      waitlistClosed: true,
      waitlist: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 2000,
        select: {
          id: true,
          customerName: true,
          customerPhone: true,
          customerEmail: true,
          quantity: true,
          status: true,
          createdAt: true,
          offerExpiresAt: true,
          orderId: true,
          ticketType: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      reserved: s.reserved,
      closed: s.waitlistClosed,
      resold: s.waitlist.filter((e) => e.status === "CLAIMED").reduce((sum, e) => sum + e.quantity, 0),
      waiting: s.waitlist.filter((e) => e.status === "WAITING").length,
      entries: s.waitlist.map(({ ticketType, ...e }, i) => ({
        ...e,
        position: i + 1,
        ticketType: { zh: ticketType.nameZh, en: ticketType.nameEn },
      })),
    })),
  };
}
