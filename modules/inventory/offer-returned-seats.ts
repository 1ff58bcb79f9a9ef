import "server-only";
import { randomUUID } from "node:crypto";
import { orderAccessToken, randomCode } from "@/lib/codes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { reserveSeats, type Tx } from "./capacity";
import { sendWaitlistOffer } from "./send-offer-mail";
import { sendWaitlistOfferText } from "./send-offer-text";

// Seats that come back go to the waiting list first, in list order (createdAt, then id).
// An offer is an ordinary PENDING order for the entry's ticket type and quantity, whose
// hold runs out after WAITLIST_OFFER_MINUTES: seat accounting, expiry, payment and the
// order page are the orders' own. Paid → CLAIMED (mark-paid.ts); expired or cancelled
// unpaid → EXPIRED, and its seats pass on.

export type Offer = { entryId: string; orderId: string; seats: number };

/** Lock the session's row for the rest of the transaction (PostgreSQL; SQLite's transactions already take turns). */
async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  if (env.database.provider === "postgresql") {
    await tx.$queryRaw`SELECT "id" FROM "FestivalSession" WHERE "id" = ${sessionId} FOR UPDATE`;
  }
}

/**
 * Offers that can no longer be claimed: the order ran out or was cancelled unpaid.
 * Called before each walk of the list, so an offer that ended (by the sweeper, a
 * buyer's cancellation, or a crash between commits) is recorded before seats pass on.
 */
export async function expireEndedOffers(sessionId: string): Promise<number> {
  const ended = await db.waitlistEntry.updateMany({
    where: { sessionId, status: "OFFERED", order: { status: { in: ["EXPIRED", "CANCELLED"] } } },
    data: { status: "EXPIRED" },
  });
  return ended.count;
}

/**
 * Offers the session's free seats to its waiting list: each WAITING entry in list
 * order whose seats fit what is free gets an offer (a smaller entry further down can
 * take seats a bigger one ahead cannot use). In one transaction under the session's
 * lock: the entry is claimed by a guarded update (WAITING → OFFERED, so never twice)
 * and the order's hold takes its seats by the same guarded update every order uses
 * (so never more than capacity). The offer mails and texts follow the commit. A closed list,
 * a session that has started or a festival no longer selling gets no offers.
 */
export async function offerReturnedSeats(sessionId: string, now = new Date()): Promise<Offer[]> {
  await expireEndedOffers(sessionId);
  // Most sessions have no one waiting: no transaction for them.
  const anyone = await db.waitlistEntry.findFirst({ where: { sessionId, status: "WAITING" }, select: { id: true } });
  if (!anyone) return [];
  let offers: Offer[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      offers = await db.$transaction((tx) => offerInTransaction(tx, sessionId, now), {
        maxWait: 30_000,
        timeout: 30_000,
      });
      break;
    } catch (error) {
      // Two order codes collided (about one in 10^12): try again with new ones.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
  for (const offer of offers) {
    await sendWaitlistOffer(offer.entryId).catch((error: unknown) =>
      log().error({ waitlistEntryId: offer.entryId, err: error }, "waitlist offer mail failed"),
    );
    await sendWaitlistOfferText(offer.entryId, now).catch((error: unknown) =>
      log().error({ waitlistEntryId: offer.entryId, err: error }, "waitlist offer text failed"),
    );
  }
  return offers;
}

async function offerInTransaction(tx: Tx, sessionId: string, now: Date): Promise<Offer[]> {
  await lockSession(tx, sessionId);
  const session = await tx.festivalSession.findUnique({
    where: { id: sessionId },
    select: {
      capacity: true,
      reserved: true,
      startsAt: true,
      waitlistClosed: true,
      festival: { select: { status: true, salesEndAt: true } },
    },
  });
  if (!session || session.waitlistClosed) return [];
  if (session.festival.status !== "PUBLISHED" || now >= session.startsAt || now >= session.festival.salesEndAt) {
    return [];
  }
  let free = session.capacity - session.reserved;
  if (free <= 0) return [];
  const waiting = await tx.waitlistEntry.findMany({
    // Only reachable numbers wait: an entry counts once its number was proven with a code.
    where: { sessionId, status: "WAITING", verifiedAt: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
    include: {
      ticketType: {
        select: { active: true, admissions: true, priceCents: true, currency: true, nameZh: true, nameEn: true },
      },
    },
  });
  const offers: Offer[] = [];
  const expiresAt = new Date(now.getTime() + env.waitlistOfferMinutes * 60_000);
  const open = await openOffers(tx, waiting);
  for (const entry of waiting) {
    if (free <= 0) break;
    const type = entry.ticketType;
    if (!type.active) continue;
    const seats = entry.quantity * type.admissions;
    if (seats > free) continue;
    // One number, or one address, holds only so many offers at once; the entry keeps its place.
    if (!open.allows(entry)) continue;
    const claimed = await tx.waitlistEntry.updateMany({
      where: { id: entry.id, status: "WAITING" },
      data: { status: "OFFERED", offeredAt: now, offerExpiresAt: expiresAt },
    });
    if (claimed.count !== 1) continue;
    // Under the session's lock this cannot fail; if it did, nothing of this walk is kept.
    if (!(await reserveSeats(tx, sessionId, seats))) throw new Error("waitlist offer: seats moved under the lock");
    const orderId = randomUUID();
    const itemId = randomUUID();
    await tx.order.create({
      data: {
        id: orderId,
        code: `SQ${randomCode(8)}`,
        userId: entry.userId,
        customerName: entry.customerName,
        customerPhone: entry.customerPhone,
        customerEmail: entry.customerEmail,
        status: "PENDING",
        totalCents: entry.quantity * type.priceCents,
        currency: type.currency,
        expiresAt,
        accessTokenHash: orderAccessToken(orderId, env.authSecret).hash,
        locale: entry.locale,
        privacyConsentVersion: entry.privacyConsentVersion,
        clientAddress: entry.clientAddress,
        phoneVerified: true,
        createdAt: now,
      },
    });
    open.add(entry);
    await tx.orderItem.create({
      data: {
        id: itemId,
        orderId,
        kind: "TICKET",
        ticketTypeId: entry.ticketTypeId,
        sessionId,
        quantity: entry.quantity,
        unitPriceCents: type.priceCents,
        totalCents: entry.quantity * type.priceCents,
        currency: type.currency,
        nameZh: type.nameZh,
        nameEn: type.nameEn,
        createdAt: now,
      },
    });
    await tx.hold.create({
      data: { orderId, orderItemId: itemId, sessionId, quantity: seats, expiresAt, status: "ACTIVE", createdAt: now },
    });
    await tx.waitlistEntry.update({ where: { id: entry.id }, data: { orderId } });
    offers.push({ entryId: entry.id, orderId, seats });
    free -= seats;
  }
  return offers;
}

/**
 * After seats came back to these sessions (a cancellation, a refund, expired holds, a
 * raised capacity, a reopened list): offer them to the waiting lists. Runs after the
 * releasing commit; a failure here is logged and never fails what released the seats
 * (the next release, or the hold sweeper, walks the list again).
 */
export async function passOnSeats(sessionIds: Iterable<string>, now = new Date()): Promise<number> {
  let offered = 0;
  for (const sessionId of [...new Set(sessionIds)].sort()) {
    try {
      offered += (await offerReturnedSeats(sessionId, now)).length;
    } catch (error) {
      log().error({ sessionId, err: error }, "offering returned seats to the waiting list failed");
    }
  }
  return offered;
}

type Waiter = { customerPhone: string; clientAddress: string | null };

/**
 * The open offers (OFFERED, on any session) of the waiting numbers and addresses, and
 * whether another fits under WAITLIST_OFFERS_PER_NUMBER and _PER_ADDRESS: a script that
 * joined many lists cannot hold many sessions' returned seats at once.
 */
async function openOffers(tx: Tx, waiting: Waiter[]) {
  const phones = [...new Set(waiting.map((w) => w.customerPhone))];
  const addresses = [...new Set(waiting.flatMap((w) => (w.clientAddress ? [w.clientAddress] : [])))];
  const rows = await tx.waitlistEntry.findMany({
    where: {
      status: "OFFERED",
      OR: [{ customerPhone: { in: phones } }, ...(addresses.length > 0 ? [{ clientAddress: { in: addresses } }] : [])],
    },
    select: { customerPhone: true, clientAddress: true },
  });
  const byPhone = new Map<string, number>();
  const byAddress = new Map<string, number>();
  const add = (w: Waiter) => {
    byPhone.set(w.customerPhone, (byPhone.get(w.customerPhone) ?? 0) + 1);
    if (w.clientAddress) byAddress.set(w.clientAddress, (byAddress.get(w.clientAddress) ?? 0) + 1);
  };
  for (const row of rows) add(row);
  const { perNumber, perAddress } = env.waitlistOpenOffers;
  return {
    allows: (w: Waiter) =>
      (byPhone.get(w.customerPhone) ?? 0) < perNumber &&
      (!w.clientAddress || (byAddress.get(w.clientAddress) ?? 0) < perAddress),
    add,
  };
}
