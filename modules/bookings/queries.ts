import "server-only";
import { normaliseCode } from "@/lib/codes";
import { shanghaiDateParts } from "@/lib/dates";
import { db } from "@/lib/db";
import { payingPaymentSelect } from "@/lib/payments/reference";
import { type FestivalScope, sessionsIn } from "@/modules/auth/festival-scope";
import type { BookingFilter } from "./filter";

export const PAGE_SIZE = 50;

/** The orders of one festival matching a filter, as a Prisma `where`. */
function bookingWhere(festivalId: string, filter: BookingFilter) {
  const q = filter.q?.trim() ?? "";
  const code = normaliseCode(q);
  const digits = q.replace(/\D/g, "");
  const search =
    q.length === 0
      ? {}
      : {
          OR: [
            { customerName: { contains: q } },
            { customerEmail: { contains: q.toLowerCase() } },
            ...(digits.length >= 3 && digits.length === q.replace(/[\s-]/g, "").length
              ? [{ customerPhone: { contains: digits } }]
              : []),
            { code },
            { code: `SQ${code}` },
            { tickets: { some: { code } } },
          ],
        };
  return {
    items: { some: { session: { festivalId }, ...(filter.sessionId ? { sessionId: filter.sessionId } : {}) } },
    ...(filter.status ? { status: filter.status } : {}),
    ...search,
  };
}

export async function searchBookings(festivalId: string, filter: BookingFilter, page = 1) {
  const where = bookingWhere(festivalId, filter);
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        code: true,
        status: true,
        customerName: true,
        customerPhone: true,
        customerEmail: true,
        currency: true,
        createdAt: true,
        // This festival's lines only: the order may hold other festivals' tickets and products too.
        items: {
          where: { session: { festivalId } },
          select: {
            totalCents: true,
            quantity: true,
            nameZh: true,
            nameEn: true,
            session: { select: { startsAt: true } },
          },
        },
        _count: { select: { tickets: { where: { checkedInAt: { not: null } } } } },
      },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    orders: orders.map((o) => ({ ...o, totalCents: o.items.reduce((sum, i) => sum + i.totalCents, 0) })),
  };
}

const CSV_LIMIT = 100_000;

/** One row per ticket (or per order line while no tickets exist), for the CSV export. */
export async function exportBookings(festivalId: string, filter: BookingFilter) {
  return db.order.findMany({
    where: bookingWhere(festivalId, filter),
    orderBy: { createdAt: "asc" },
    take: CSV_LIMIT,
    select: {
      code: true,
      status: true,
      customerName: true,
      customerPhone: true,
      customerEmail: true,
      createdAt: true,
      paidAt: true,
      payments: payingPaymentSelect,
      items: {
        where: { session: { festivalId } },
        select: {
          id: true,
          quantity: true,
          unitPriceCents: true,
          nameZh: true,
          nameEn: true,
          session: { select: { startsAt: true, endsAt: true } },
          tickets: {
            orderBy: { createdAt: "asc" },
            select: { code: true, status: true, priceCents: true, checkedInAt: true },
          },
        },
      },
    },
  });
}

/**
 * One order as a back-office user sees it, within their festival scope: the lines
 * and tickets of their festivals, and the refunds of those tickets (for an
 * organiser, the part of each refund that paid back their tickets). Admins see the
 * whole order with its payments. Null when nothing of the order is theirs.
 */
export async function findBooking(orderId: string, scope: FestivalScope) {
  const sessionWhere = sessionsIn(scope);
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      items: {
        where: scope.all ? {} : { session: sessionWhere },
        orderBy: { createdAt: "asc" },
        include: { session: { select: { startsAt: true, endsAt: true, festival: { select: { slug: true } } } } },
      },
      tickets: {
        where: scope.all ? {} : { session: sessionWhere },
        orderBy: { createdAt: "asc" },
        include: {
          ticketType: { select: { nameZh: true, nameEn: true } },
          session: { select: { startsAt: true, endsAt: true } },
        },
      },
      payments: { orderBy: { createdAt: "asc" }, include: { refunds: { orderBy: { createdAt: "asc" } } } },
      emails: { orderBy: { createdAt: "desc" }, select: { id: true, subject: true, createdAt: true, sentAt: true } },
    },
  });
  if (!order || (!scope.all && order.items.length === 0)) return null;
  const refundOf = new Map<string, number>();
  for (const t of order.tickets) {
    if (t.refundId) refundOf.set(t.refundId, (refundOf.get(t.refundId) ?? 0) + t.priceCents);
  }
  const refunds = order.payments.flatMap((p) =>
    p.refunds.flatMap((r) => {
      if (scope.all) return [{ ...r, currency: p.currency }];
      const mine = refundOf.get(r.id);
      return mine === undefined ? [] : [{ ...r, amountCents: Math.min(mine, r.amountCents), currency: p.currency }];
    }),
  );
  return {
    ...order,
    // An organiser's total is their festivals' part of the order.
    totalCents: scope.all ? order.totalCents : order.items.reduce((sum, i) => sum + i.totalCents, 0),
    payments: scope.all ? order.payments : [],
    refunds,
    wholeOrder: scope.all,
  };
}

export type SessionStats = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  sold: number;
  held: number;
  remaining: number;
  checkedIn: number;
};

/** Per session: seats sold (valid tickets), held by unpaid orders, left, and checked in so far. */
export async function festivalStats(festivalId: string, now = new Date()) {
  const [sessions, tickets, holds, checkedIn] = await Promise.all([
    db.festivalSession.findMany({
      where: { festivalId },
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, capacity: true, reserved: true },
    }),
    db.ticket.groupBy({
      by: ["sessionId"],
      where: { session: { festivalId }, status: "VALID" },
      _count: { _all: true },
    }),
    db.hold.groupBy({
      by: ["sessionId"],
      where: { session: { festivalId }, status: "ACTIVE", expiresAt: { gt: now } },
      _sum: { quantity: true },
    }),
    db.ticket.groupBy({
      by: ["sessionId"],
      where: { session: { festivalId }, checkedInAt: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const soldBy = new Map(tickets.map((t) => [t.sessionId, t._count._all]));
  const heldBy = new Map(holds.map((h) => [h.sessionId, h._sum.quantity ?? 0]));
  const inBy = new Map(checkedIn.map((c) => [c.sessionId, c._count._all]));
  return sessions.map(
    (s): SessionStats => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      sold: soldBy.get(s.id) ?? 0,
      held: heldBy.get(s.id) ?? 0,
      remaining: Math.max(0, s.capacity - s.reserved),
      checkedIn: inBy.get(s.id) ?? 0,
    }),
  );
}

export type DaySales = { date: string; tickets: number; revenueCents: number };

/** Tickets sold and money taken per day (China time), from the first sale to the last. */
export async function salesPerDay(festivalId: string): Promise<DaySales[]> {
  const tickets = await db.ticket.findMany({
    where: { session: { festivalId }, status: { in: ["VALID"] } },
    select: { createdAt: true, priceCents: true },
  });
  const byDay = new Map<string, DaySales>();
  for (const t of tickets) {
    const { year, month, day } = shanghaiDateParts(t.createdAt);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    const entry = byDay.get(date) ?? { date, tickets: 0, revenueCents: 0 };
    entry.tickets += 1;
    entry.revenueCents += t.priceCents;
    byDay.set(date, entry);
  }
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}
