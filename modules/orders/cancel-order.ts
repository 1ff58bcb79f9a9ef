import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import { type FestivalScope, inScope } from "@/modules/auth/festival-scope";
import { releaseHeld, releaseSeats, type Tx } from "@/modules/inventory/capacity";
import { passOnSeats } from "@/modules/inventory/offer-returned-seats";
import { recordRefund, sendRefund } from "./refund-payment";
import { sendRefundText } from "./texts/order-texts";

// Shared with a product line's refund (refund-line.ts); kept here for the callers that import it from cancel.
export { sendRefund };

/**
 * Who cancels: the buyer (their whole order), or back-office staff acting within
 * their festival scope; tickets of other festivals are not theirs to see or refund.
 */
export type Canceller = { kind: "buyer" } | { kind: "staff"; actor: AuditActor; scope: FestivalScope };

export type CancelRequest = {
  orderId: string;
  /** The tickets to cancel, or every ticket that can still be cancelled. */
  ticketIds: string[] | "all";
  by: Canceller;
  reason?: string;
  now?: Date;
};

export type CancelResult = {
  status: "CANCELLED" | "REFUNDED" | "PARTIALLY_REFUNDED";
  tickets: number;
  refundedCents: number;
  /** The provider has not confirmed the refund yet (it failed or is unreachable); it can be retried. */
  refundPending: boolean;
};

/** Too late for a buyer to cancel: the festival's cut-off before the session starts has passed. */
function cutoffPassed(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now.getTime() > startsAt.getTime() - cutoffHours * 3_600_000;
}

/** The order with what cancelling needs: its active holds, its lines' festivals and its tickets. */
async function findOrderToCancel(orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      holds: { where: { status: "ACTIVE" }, select: { id: true, sessionId: true, productId: true, quantity: true } },
      items: { select: { kind: true, session: { select: { festivalId: true } } } },
      tickets: {
        select: {
          id: true,
          code: true,
          status: true,
          checkedInAt: true,
          priceCents: true,
          orderItemId: true,
          sessionId: true,
          session: {
            select: { startsAt: true, festivalId: true, festival: { select: { cancellationCutoffHours: true } } },
          },
        },
      },
    },
  });
  if (!order) throw new UserError("errors.notFound");
  return order;
}

type OrderToCancel = Awaited<ReturnType<typeof findOrderToCancel>>;
type CancellableTicket = OrderToCancel["tickets"][number];
type Staff = Extract<Canceller, { kind: "staff" }>;

const festivalsOf = (items: { session: { festivalId: string } | null }[]) => [
  ...new Set(items.flatMap((i) => (i.session ? [i.session.festivalId] : []))),
];

/**
 * Cancels an order or some of its tickets. A pending order is simply released.
 * For a paid one the tickets are voided, their seats go back on sale and their
 * price is refunded, in one transaction; the provider's refund follows the
 * commit (with the refund's id as idempotency key) and is recorded when it
 * succeeds. Buyers may cancel until the festival's cut-off; staff at any time.
 * Tickets already used at the gate are never refunded here.
 */
export async function cancelOrder(request: CancelRequest): Promise<CancelResult> {
  const now = request.now ?? new Date();
  const order = await findOrderToCancel(request.orderId);
  const staff = request.by.kind === "staff" ? request.by : null;

  if (order.status === "PENDING") return releasePendingOrder(order, request, staff, now);
  if (order.status !== "PAID" && order.status !== "PARTIALLY_REFUNDED") throw new UserError("order.cancel.notPaid");

  const chosen = chooseTickets(order, request, staff?.scope ?? null, now);
  const refundedCents = chosen.reduce((sum, t) => sum + t.priceCents, 0);
  const ids = chosen.map((t) => t.id);
  const outcome = await db.$transaction(
    (tx) => refundTickets(tx, { order, chosen, ids, refundedCents, request, staff, now }),
    { maxWait: 30_000, timeout: 30_000 },
  );

  log().info(
    {
      orderId: order.id,
      status: outcome.status,
      tickets: ids.length,
      refundId: outcome.refund?.id,
      refundedCents: outcome.refund?.amountCents ?? 0,
      by: request.by.kind,
    },
    "tickets cancelled",
  );
  // After the commit: the returned seats are offered to the waiting list first.
  await passOnSeats(
    chosen.map((t) => t.sessionId),
    now,
  );
  const refundPending = outcome.refund ? !(await sendRefund(outcome.refund.id)) : false;
  // The buyer hears by text what is paid back (never throws).
  if (outcome.refund) await sendRefundText(order.id, outcome.refund.amountCents, now);
  return { status: outcome.status, tickets: ids.length, refundedCents, refundPending };
}

/** A pending order: cancelled by a guarded update with its holds given back, then its seats passed on. */
async function releasePendingOrder(
  order: OrderToCancel,
  request: CancelRequest,
  staff: Staff | null,
  now: Date,
): Promise<CancelResult> {
  if (request.ticketIds !== "all") throw new UserError("order.cancel.notPaid");
  // An unpaid order is released whole: staff may do that only when every line is theirs.
  const scope = staff?.scope ?? null;
  if (scope && !order.items.every((i) => i.session && inScope(scope, i.session.festivalId))) {
    throw new UserError("bookings.pendingNotAllYours");
  }
  const released = await db.$transaction(async (tx) => {
    const claimed = await tx.order.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (claimed.count !== 1) return false;
    await releaseHolds(tx, order.holds);
    if (staff) {
      for (const festivalId of festivalsOf(order.items)) {
        await recordAudit(tx, staff.actor, {
          action: "booking.cancel",
          entityType: "order",
          entityId: order.id,
          festivalId,
          changes: { status: { from: "PENDING", to: "CANCELLED" }, reason: request.reason ?? null },
        });
      }
    }
    return true;
  });
  if (!released) throw new UserError("order.cancel.changed");
  log().info({ orderId: order.id, status: "CANCELLED", by: request.by.kind }, "order cancelled");
  // After the commit: the seats go to the session's waiting list first (a cancelled offer passes on).
  await passOnSeats(
    order.holds.flatMap((h) => (h.sessionId ? [h.sessionId] : [])),
    now,
  );
  return { status: "CANCELLED", tickets: 0, refundedCents: 0, refundPending: false };
}

/** The paid tickets the request cancels, checked: known to the caller, not used, still valid, before the buyer's cut-off. */
function chooseTickets(
  order: OrderToCancel,
  request: CancelRequest,
  scope: FestivalScope | null,
  now: Date,
): CancellableTicket[] {
  // Staff see only the tickets of their festivals: the others are "unknown" to them.
  const visible = scope ? order.tickets.filter((t) => inScope(scope, t.session.festivalId)) : order.tickets;
  const open = visible.filter((t) => t.status === "VALID" && !t.checkedInAt);
  let chosen: typeof open;
  if (request.ticketIds === "all") {
    chosen = open;
  } else {
    const wanted = new Set(request.ticketIds);
    const known = visible.filter((t) => wanted.has(t.id));
    if (known.length !== wanted.size) throw new UserError("order.cancel.unknownTicket");
    if (known.some((t) => t.checkedInAt)) throw new UserError("order.cancel.checkedIn");
    if (known.some((t) => t.status !== "VALID")) throw new UserError("order.cancel.alreadyCancelled");
    chosen = known;
  }
  if (chosen.length === 0) throw new UserError("order.cancel.nothing");
  if (
    request.by.kind === "buyer" &&
    chosen.some((t) => cutoffPassed(t.session.startsAt, t.session.festival.cancellationCutoffHours, now))
  ) {
    throw new UserError("order.cancel.pastCutoff");
  }
  return chosen;
}

type PaidCancellation = {
  order: OrderToCancel;
  chosen: CancellableTicket[];
  ids: string[];
  refundedCents: number;
  request: CancelRequest;
  staff: Staff | null;
  now: Date;
};

/**
 * The paid order's cancellation, inside its transaction: the tickets voided (guarded by their
 * state), their seats given back, emptied lines cancelled, the order's status, the Refund and
 * the audit entries.
 */
async function refundTickets(tx: Tx, cancellation: PaidCancellation) {
  const { order, chosen, ids, refundedCents, request, staff, now } = cancellation;
  const voided = await tx.ticket.updateMany({
    where: { id: { in: ids }, status: "VALID", checkedInAt: null },
    data: { status: "REFUNDED" },
  });
  // Scanned at the gate or cancelled by someone else meanwhile: change nothing.
  if (voided.count !== ids.length) throw new UserError("order.cancel.changed");
  const seats = new Map<string, number>();
  for (const t of chosen) seats.set(t.sessionId, (seats.get(t.sessionId) ?? 0) + 1);
  for (const [sessionId, n] of [...seats].sort(([a], [b]) => a.localeCompare(b))) {
    await releaseSeats(tx, sessionId, n);
  }
  const remaining = await tx.ticket.groupBy({
    by: ["orderItemId"],
    where: { orderId: order.id, status: "VALID" },
    _count: { _all: true },
  });
  const stillValid = new Set(remaining.map((r) => r.orderItemId));
  const emptied = [...new Set(chosen.map((t) => t.orderItemId))].filter((id) => !stillValid.has(id));
  if (emptied.length > 0) {
    await tx.orderItem.updateMany({ where: { id: { in: emptied } }, data: { fulfilmentStatus: "CANCELLED" } });
  }
  // Workshop products in the same order stay bought: the order is then only partly refunded.
  const products = await tx.orderItem.count({
    where: { orderId: order.id, kind: "PRODUCT", fulfilmentStatus: { not: "CANCELLED" } },
  });
  const status = remaining.length === 0 && products === 0 ? ("REFUNDED" as const) : ("PARTIALLY_REFUNDED" as const);
  await tx.order.update({
    where: { id: order.id },
    data: { status, ...(status === "REFUNDED" ? { cancelledAt: now } : {}) },
  });
  const reason = request.reason ?? (request.by.kind === "buyer" ? "requested_by_customer" : "cancelled_by_organiser");
  const refund = refundedCents > 0 ? await recordRefund(tx, order.id, refundedCents, { reason }) : null;
  if (refund) await tx.ticket.updateMany({ where: { id: { in: ids } }, data: { refundId: refund.id } });
  if (staff) {
    for (const festivalId of festivalsOf(chosen)) {
      const mine = chosen.filter((t) => t.session.festivalId === festivalId);
      await recordAudit(tx, staff.actor, {
        action: "booking.refund",
        entityType: "order",
        entityId: order.id,
        festivalId,
        changes: {
          tickets: mine.map((t) => t.code),
          refundedCents: mine.reduce((sum, t) => sum + t.priceCents, 0),
          status: { from: order.status, to: status },
          reason: request.reason ?? null,
        },
      });
    }
  }
  return { status, refund };
}

async function releaseHolds(
  tx: Tx,
  holds: { id: string; sessionId: string | null; productId: string | null; quantity: number }[],
) {
  for (const hold of holds) {
    const claimed = await tx.hold.updateMany({
      where: { id: hold.id, status: "ACTIVE" },
      data: { status: "RELEASED" },
    });
    if (claimed.count === 1) await releaseHeld(tx, hold);
  }
}
