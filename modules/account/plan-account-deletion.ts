import "server-only";
import { db } from "@/lib/db";
import type { Bilingual } from "@/lib/localized";
import { accountOrdersWhere, type VerifiedContacts, verifiedContacts } from "./account-scope";

export type PlannedTicket = {
  id: string;
  code: string;
  orderId: string;
  orderCode: string;
  festival: Bilingual;
  ticketType: Bilingual;
  startsAt: string;
  priceCents: number;
  currency: string;
};

export type DeletionPlan = {
  /** Farmers, organisers and administrators are closed by an administrator (their records are the town's). */
  staffRole: boolean;
  contacts: VerifiedContacts;
  /** Every order the account lists: their personal fields are erased. */
  orderIds: string[];
  /** Unpaid orders: cancelled, their seats and stock released. */
  pendingOrderIds: string[];
  /** Paid orders: kept, without the personal fields, for accounting. */
  paidOrders: number;
  /** Coming tickets before the festival's cut-off: cancelled and refunded. */
  refundable: PlannedTicket[];
  /** Coming tickets past the cut-off: no longer refundable, so they stay valid (see deleteAccount). */
  keptValid: PlannedTicket[];
  /** Paid courier deliveries not yet shipped: deleting would erase the address they need. */
  unsentParcels: { orderCode: string; name: Bilingual }[];
};

const PAID = ["PAID", "PARTIALLY_REFUNDED"] as const;
const PAID_OR_REFUNDED = new Set<string>([...PAID, "REFUNDED"]);

/** What deleting the account would do now: shown before the confirmation, and followed by deleteAccount. */
export async function planAccountDeletion(userId: string, now = new Date()): Promise<DeletionPlan | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, deletedAt: true } });
  if (!user || user.deletedAt) return null;
  const contacts = await verifiedContacts(userId);
  const where = accountOrdersWhere(userId, contacts);
  const [orders, tickets, parcels] = await Promise.all([
    db.order.findMany({ where, select: { id: true, status: true } }),
    db.ticket.findMany({
      where: {
        status: "VALID",
        checkedInAt: null,
        session: { endsAt: { gt: now } },
        order: { AND: [where, { status: { in: [...PAID] } }] },
      },
      orderBy: [{ session: { startsAt: "asc" } }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        priceCents: true,
        order: { select: { id: true, code: true, currency: true } },
        ticketType: { select: { nameZh: true, nameEn: true } },
        session: {
          select: {
            startsAt: true,
            festival: { select: { nameZh: true, nameEn: true, cancellationCutoffHours: true } },
          },
        },
      },
    }),
    db.orderItem.findMany({
      where: {
        fulfilmentMethod: "DELIVERY",
        fulfilmentStatus: { in: ["PAID", "PACKED"] },
        order: { AND: [where, { status: { in: [...PAID] } }] },
      },
      select: { nameZh: true, nameEn: true, order: { select: { code: true } } },
    }),
  ]);
  const planned = tickets.map((t) => ({
    cutoff: t.session.startsAt.getTime() - t.session.festival.cancellationCutoffHours * 3_600_000,
    ticket: {
      id: t.id,
      code: t.code,
      orderId: t.order.id,
      orderCode: t.order.code,
      festival: { zh: t.session.festival.nameZh, en: t.session.festival.nameEn },
      ticketType: { zh: t.ticketType.nameZh, en: t.ticketType.nameEn },
      startsAt: t.session.startsAt.toISOString(),
      priceCents: t.priceCents,
      currency: t.order.currency,
    },
  }));
  return {
    staffRole: user.role !== "VISITOR",
    contacts,
    orderIds: orders.map((o) => o.id),
    pendingOrderIds: orders.filter((o) => o.status === "PENDING").map((o) => o.id),
    paidOrders: orders.filter((o) => PAID_OR_REFUNDED.has(o.status)).length,
    // The same rule as the buyer's own cancelling (modules/orders/cancel-order.ts): until the cut-off, inclusive.
    refundable: planned.filter((p) => now.getTime() <= p.cutoff).map((p) => p.ticket),
    keptValid: planned.filter((p) => now.getTime() > p.cutoff).map((p) => p.ticket),
    unsentParcels: parcels.map((p) => ({ orderCode: p.order.code, name: { zh: p.nameZh, en: p.nameEn } })),
  };
}
