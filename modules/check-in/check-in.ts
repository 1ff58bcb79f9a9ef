import "server-only";
import type { CheckInResult } from "@/generated/prisma/sqlite/enums";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Bilingual } from "@/lib/localized";
import { readScannedCode } from "@/modules/tickets/signature";
import { gateDay } from "./gate-day";

// Checking a ticket in at the gate (核销). Every scan is logged, admitted or not.

/** The signed-in user does not organise the festival the gate is for. */
export class NotOrganiserError extends Error {}
/** The gate's session is not one of its festival's. */
export class UnknownSessionError extends Error {}

/** Only tickets of orders in these states admit (a pending or cancelled order's never do). */
export const ADMITTING_ORDERS = ["PAID", "PARTIALLY_REFUNDED"] as const;
const MAX_LOGGED_CODE = 200;

export type Gate = { festivalId: string; sessionId: string | null; userId: string };

export type GateTicket = {
  code: string;
  ticketType: Bilingual;
  festival: Bilingual;
  /** True when the ticket is for another festival this organiser also runs. */
  otherFestival: boolean;
  session: { id: string; startsAt: Date; endsAt: Date; label: Bilingual | null };
  name: string;
  orderCode: string;
  /** When the ticket was first checked in, if it was. */
  checkedInAt: Date | null;
};

export type CheckInAnswer = { result: CheckInResult; ticket: GateTicket | null };

/** Refuses a gate the user may not run: a festival they do not organise, or a session not of that festival. */
export async function assertGate({ festivalId, sessionId, userId }: Gate): Promise<void> {
  if (!(await organises(userId, festivalId))) throw new NotOrganiserError();
  if (
    sessionId &&
    !(await db.festivalSession.findFirst({ where: { id: sessionId, festivalId }, select: { id: true } }))
  )
    throw new UnknownSessionError();
}

async function organises(userId: string, festivalId: string): Promise<boolean> {
  const link = await db.festivalOrganiser.findUnique({ where: { festivalId_userId: { festivalId, userId } } });
  return link !== null;
}

const ticketInclude = {
  ticketType: { select: { nameZh: true, nameEn: true } },
  order: { select: { code: true, status: true, customerName: true } },
  session: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      labelZh: true,
      labelEn: true,
      festivalId: true,
      festival: { select: { nameZh: true, nameEn: true } },
    },
  },
} as const;

type FoundTicket = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

function findTicket(code: string) {
  return db.ticket.findUnique({ where: { code }, include: ticketInclude });
}

function gateTicket(t: FoundTicket, gate: Gate, checkedInAt: Date | null): GateTicket {
  const s = t.session;
  return {
    code: t.code,
    ticketType: { zh: t.ticketType.nameZh, en: t.ticketType.nameEn },
    festival: { zh: s.festival.nameZh, en: s.festival.nameEn },
    otherFestival: s.festivalId !== gate.festivalId,
    session: {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      label: s.labelZh || s.labelEn ? { zh: s.labelZh ?? "", en: s.labelEn ?? "" } : null,
    },
    name: t.holderName ?? t.order.customerName,
    orderCode: t.order.code,
    checkedInAt,
  };
}

function forThisGate(t: FoundTicket, gate: Gate, now: Date): boolean {
  if (t.session.festivalId !== gate.festivalId) return false;
  if (gate.sessionId) return t.sessionId === gate.sessionId;
  const today = gateDay(now);
  return t.session.startsAt >= today.start && t.session.startsAt < today.end;
}

/** Why a ticket of this organiser's cannot enter here, before trying to admit it; null if it may. */
function refusal(t: FoundTicket, gate: Gate, now: Date): CheckInResult | null {
  const valid = t.status === "VALID" && (ADMITTING_ORDERS as readonly string[]).includes(t.order.status);
  if (!valid) return "CANCELLED";
  if (!forThisGate(t, gate, now)) return "WRONG_SESSION";
  if (t.checkedInAt) return "ALREADY_USED";
  return null;
}

/**
 * Checks in what the scanner or keyboard gave at a gate for one festival and one
 * session (or all of today's). The answers, in the order they are decided:
 * FORGED (the QR's signature does not match), UNKNOWN (no such code, or a ticket of
 * a festival this organiser does not run: that gate cannot see it, and learns no
 * name), CANCELLED (the ticket or its order), WRONG_SESSION (another session or day,
 * or another festival of the same organiser, with its time), ALREADY_USED (with the
 * first check-in time), else OK. Admission is one guarded update, so two gates
 * scanning the same ticket at once admit it exactly once.
 */
export async function checkIn(input: Gate & { scanned: string; now: Date }): Promise<CheckInAnswer> {
  const gate: Gate = { festivalId: input.festivalId, sessionId: input.sessionId, userId: input.userId };
  await assertGate(gate);
  const typed = input.scanned.trim().slice(0, MAX_LOGGED_CODE);
  const log = (result: CheckInResult, ticketId: string | null = null) =>
    db.checkIn.create({ data: { result, code: typed, ticketId, userId: gate.userId, createdAt: input.now } });

  const read = readScannedCode(input.scanned, env.ticketSecret);
  if ("forged" in read) {
    await log("FORGED");
    return { result: "FORGED", ticket: null };
  }
  const ticket = read.code ? await findTicket(read.code) : null;
  if (
    !ticket ||
    (ticket.session.festivalId !== gate.festivalId && !(await organises(gate.userId, ticket.session.festivalId)))
  ) {
    await log("UNKNOWN", ticket?.id ?? null);
    return { result: "UNKNOWN", ticket: null };
  }
  const early = refusal(ticket, gate, input.now);
  if (early) {
    await log(early, ticket.id);
    return { result: early, ticket: gateTicket(ticket, gate, ticket.checkedInAt) };
  }
  return admit(ticket, gate, typed, input.now);
}

/** The one guarded write that admits a ticket; a gate that loses the race is told it was already used. */
async function admit(ticket: FoundTicket, gate: Gate, code: string, now: Date): Promise<CheckInAnswer> {
  return db.$transaction(
    async (tx) => {
      const admitted = await tx.ticket.updateMany({
        where: { id: ticket.id, checkedInAt: null, status: "VALID" },
        data: { checkedInAt: now },
      });
      let result: CheckInResult = "OK";
      let checkedInAt: Date | null = now;
      if (admitted.count !== 1) {
        const current = await tx.ticket.findUniqueOrThrow({
          where: { id: ticket.id },
          select: { status: true, checkedInAt: true },
        });
        result = current.status === "VALID" ? "ALREADY_USED" : "CANCELLED";
        checkedInAt = current.checkedInAt;
      }
      await tx.checkIn.create({ data: { result, code, ticketId: ticket.id, userId: gate.userId, createdAt: now } });
      return { result, ticket: gateTicket(ticket, gate, checkedInAt) };
    },
    { maxWait: 30_000, timeout: 15_000 },
  );
}

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
