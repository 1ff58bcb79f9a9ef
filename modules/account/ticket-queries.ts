import "server-only";
import { db } from "@/lib/db";
import type { Bilingual } from "@/lib/localized";
import { accountOrders } from "./account-scope";

export type AccountTicket = {
  id: string;
  code: string;
  orderId: string;
  orderCode: string;
  ticketType: Bilingual;
  festival: Bilingual;
  venue: Bilingual;
  startsAt: string;
  endsAt: string;
  checkedInAt: string | null;
};

/** The most tickets the account page lists: coming ones, and past ones. */
const UPCOMING_LIMIT = 100;
const PAST_LIMIT = 20;

const SELECT = {
  id: true,
  code: true,
  checkedInAt: true,
  order: { select: { id: true, code: true } },
  ticketType: { select: { nameZh: true, nameEn: true } },
  session: {
    select: {
      startsAt: true,
      endsAt: true,
      festival: { select: { nameZh: true, nameEn: true, venueZh: true, venueEn: true } },
    },
  },
} as const;

/**
 * The account's valid tickets of paid orders: those whose session has not ended
 * yet, soonest first, then the latest past ones. Cancelled and refunded tickets
 * stay on their order's page.
 */
export async function findAccountTickets(
  userId: string,
  now = new Date(),
): Promise<{ upcoming: AccountTicket[]; past: AccountTicket[] }> {
  const where = {
    status: "VALID" as const,
    order: { AND: [await accountOrders(userId), { status: { in: ["PAID" as const, "PARTIALLY_REFUNDED" as const] } }] },
  };
  const [upcoming, past] = await Promise.all([
    db.ticket.findMany({
      where: { ...where, session: { endsAt: { gt: now } } },
      orderBy: [{ session: { startsAt: "asc" } }, { code: "asc" }],
      take: UPCOMING_LIMIT,
      select: SELECT,
    }),
    db.ticket.findMany({
      where: { ...where, session: { endsAt: { lte: now } } },
      orderBy: [{ session: { startsAt: "desc" } }, { code: "asc" }],
      take: PAST_LIMIT,
      select: SELECT,
    }),
  ]);
  return { upcoming: upcoming.map(present), past: past.map(present) };
}

function present(t: {
  id: string;
  code: string;
  checkedInAt: Date | null;
  order: { id: string; code: string };
  ticketType: { nameZh: string; nameEn: string };
  session: {
    startsAt: Date;
    endsAt: Date;
    festival: { nameZh: string; nameEn: string; venueZh: string; venueEn: string };
  };
}): AccountTicket {
  return {
    id: t.id,
    code: t.code,
    orderId: t.order.id,
    orderCode: t.order.code,
    ticketType: { zh: t.ticketType.nameZh, en: t.ticketType.nameEn },
    festival: { zh: t.session.festival.nameZh, en: t.session.festival.nameEn },
    venue: { zh: t.session.festival.venueZh, en: t.session.festival.venueEn },
    startsAt: t.session.startsAt.toISOString(),
    endsAt: t.session.endsAt.toISOString(),
    checkedInAt: t.checkedInAt?.toISOString() ?? null,
  };
}
