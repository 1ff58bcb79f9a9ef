import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import type { CheckInResult } from "@/generated/prisma/sqlite/enums";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
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
function refusal(t: FoundTicket, gate: Gate, now: Date, { usedCounts = true } = {}): CheckInResult | null {
  const valid = t.status === "VALID" && (ADMITTING_ORDERS as readonly string[]).includes(t.order.status);
  if (!valid) return "CANCELLED";
  if (!forThisGate(t, gate, now)) return "WRONG_SESSION";
  if (usedCounts && t.checkedInAt) return "ALREADY_USED";
  return null;
}

type Judged =
  | { admissible: false; result: CheckInResult; ticket: FoundTicket | null; shown: boolean }
  | { admissible: true; ticket: FoundTicket };

/**
 * What a scan is before any write: FORGED, UNKNOWN (no such code, or a ticket of a festival
 * this organiser does not run: `shown` false, the gate learns nothing of it), a refusal of
 * one of the organiser's tickets, or admissible. `usedCounts: false` leaves ALREADY_USED to
 * the caller (offline scans, where the earliest admission wins).
 */
async function judge(
  scanned: string,
  gate: Gate,
  now: Date,
  options: { usedCounts?: boolean; runs?: (festivalId: string) => Promise<boolean> } = {},
): Promise<Judged> {
  const read = readScannedCode(scanned, env.ticketSecret);
  if ("forged" in read) return { admissible: false, result: "FORGED", ticket: null, shown: false };
  const ticket = read.code ? await findTicket(read.code) : null;
  const runs = options.runs ?? ((festivalId: string) => organises(gate.userId, festivalId));
  if (!ticket || (ticket.session.festivalId !== gate.festivalId && !(await runs(ticket.session.festivalId)))) {
    return { admissible: false, result: "UNKNOWN", ticket, shown: false };
  }
  const early = refusal(ticket, gate, now, options);
  if (early) return { admissible: false, result: early, ticket, shown: true };
  return { admissible: true, ticket };
}

/**
 * Checks in what the scanner or keyboard gave at a gate for one festival and one
 * session (or all of today's). The answers, in the order they are decided:
 * FORGED (the QR's signature does not match), UNKNOWN (no such code, or a ticket of
 * a festival this organiser does not run: that gate cannot see it, and learns no
 * name), CANCELLED (the ticket or its order), WRONG_SESSION (another session or day,
 * or another festival of the same organiser, with its festival and time), ALREADY_USED
 * (with the first check-in time), else OK. Admission is one guarded update, so two gates
 * scanning the same ticket at once admit it exactly once.
 */
export async function checkIn(
  input: Gate & { scanned: string; now: Date; scan?: { deviceId: string; scanId: string } },
): Promise<CheckInAnswer> {
  const gate: Gate = { festivalId: input.festivalId, sessionId: input.sessionId, userId: input.userId };
  await assertGate(gate);
  const typed = input.scanned.trim().slice(0, MAX_LOGGED_CODE);
  const scan = input.scan ? { deviceId: input.scan.deviceId, scanId: input.scan.scanId } : {};
  const stored = input.scan ? await storedScan(gate.userId, input.scan) : null;
  const judged = await judge(input.scanned, gate, input.now);
  if (stored) {
    // The same scan again (the device retried): its recorded answer stands, nothing is written.
    const ticket = judged.ticket && (judged.admissible || judged.shown) ? judged.ticket : null;
    return { result: stored.result, ticket: ticket ? gateTicket(ticket, gate, ticket.checkedInAt) : null };
  }
  try {
    if (!judged.admissible) {
      const { result, ticket } = judged;
      await db.checkIn.create({
        data: { result, code: typed, ticketId: ticket?.id ?? null, userId: gate.userId, createdAt: input.now, ...scan },
      });
      return { result, ticket: ticket && judged.shown ? gateTicket(ticket, gate, ticket.checkedInAt) : null };
    }
    return await admit(judged.ticket, gate, typed, input.now, scan);
  } catch (error) {
    // The same scan id arrived twice at once: the first one's answer stands.
    if (!input.scan || !isUniqueViolation(error)) throw error;
    const first = await storedScan(gate.userId, input.scan);
    if (!first) throw error;
    const seen = judged.ticket && (judged.admissible || judged.shown) ? judged.ticket : null;
    const current = seen ? await findTicket(seen.code) : null;
    return { result: first.result, ticket: current ? gateTicket(current, gate, current.checkedInAt) : null };
  }
}

function storedScan(userId: string, scan: { deviceId: string; scanId: string }) {
  return db.checkIn.findUnique({
    where: { userId_deviceId_scanId: { userId, deviceId: scan.deviceId, scanId: scan.scanId } },
    select: { result: true },
  });
}

/** The one guarded write that admits a ticket; a gate that loses the race is told it was already used. */
async function admit(
  ticket: FoundTicket,
  gate: Gate,
  code: string,
  now: Date,
  scan: { deviceId?: string; scanId?: string } = {},
): Promise<CheckInAnswer> {
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
      await tx.checkIn.create({
        data: { result, code, ticketId: ticket.id, userId: gate.userId, createdAt: now, ...scan },
      });
      return { result, ticket: gateTicket(ticket, gate, checkedInAt) };
    },
    { maxWait: 30_000, timeout: 15_000 },
  );
}

/** What a gate device decided on its own, offline. */
export type LocalResult = "OK" | "ALREADY_USED" | "WRONG_SESSION" | "CANCELLED" | "UNKNOWN" | "FORGED";

export type OfflineScan = {
  /** The device's own id for the scan: sent again, it is answered from the record. */
  id: string;
  scanned: string;
  scannedAt: Date;
  sessionId: string | null;
  local: LocalResult | null;
};

/**
 * Records one scan a gate device made offline, by the rules of the online gate with the
 * scan's own time as "now". The server is the authority:
 * - a scan the device admitted (local OK) of a ticket admitted elsewhere is a CONFLICT; both
 *   are kept and the earliest scan wins (the ticket's `checkedInAt` is the earliest, and an
 *   admission recorded before with a later time becomes the CONFLICT);
 * - a scan the device refused is never an admission: an already used ticket is ALREADY_USED,
 *   and one the server would have admitted keeps the device's answer;
 * - without `local`, the scan is judged as online (no conflict).
 * The same (user, device, scan id) again returns the stored result and writes nothing.
 */
export async function recordOfflineScan(
  gate: { festivalId: string; userId: string; deviceId: string },
  scan: OfflineScan,
  syncedAt: Date,
  runs?: (festivalId: string) => Promise<boolean>,
): Promise<CheckInResult> {
  const stored = () =>
    db.checkIn.findUnique({
      where: { userId_deviceId_scanId: { userId: gate.userId, deviceId: gate.deviceId, scanId: scan.id } },
      select: { result: true },
    });
  const already = await stored();
  if (already) return already.result;
  // A device clock running ahead cannot date an admission after the sync that reports it.
  const now = scan.scannedAt > syncedAt ? syncedAt : scan.scannedAt;
  const row = {
    code: scan.scanned.trim().slice(0, MAX_LOGGED_CODE),
    userId: gate.userId,
    createdAt: now,
    deviceId: gate.deviceId,
    scanId: scan.id,
    localResult: scan.local?.toLowerCase() ?? null,
    syncedAt,
  };
  const at: Gate = { festivalId: gate.festivalId, sessionId: scan.sessionId, userId: gate.userId };
  try {
    const judged = await judge(scan.scanned, at, now, { usedCounts: false, runs });
    if (!judged.admissible) {
      await db.checkIn.create({ data: { ...row, result: judged.result, ticketId: judged.ticket?.id ?? null } });
      return judged.result;
    }
    return await admitOffline(judged.ticket.id, scan.local, now, row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same scan, sent again while this one was being recorded: its answer stands.
    const winner = await stored();
    if (!winner) throw error;
    return winner.result;
  }
}

async function admitOffline(
  ticketId: string,
  local: LocalResult | null,
  now: Date,
  row: Omit<Prisma.CheckInUncheckedCreateInput, "result" | "ticketId">,
): Promise<CheckInResult> {
  return db.$transaction(
    async (tx) => {
      const record = async (result: CheckInResult) => {
        await tx.checkIn.create({ data: { ...row, result, ticketId } });
        return result;
      };
      if (local && local !== "OK") {
        // Turned away at the gate: nothing to admit; the record says what the visitor was told.
        const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { checkedInAt: true } });
        return record(current.checkedInAt ? "ALREADY_USED" : local);
      }
      // Admitted at the gate: this scan wins if the ticket was not admitted, or (offline) admitted later.
      const admitted = await tx.ticket.updateMany({
        where: {
          id: ticketId,
          status: "VALID",
          ...(local === "OK" ? { OR: [{ checkedInAt: null }, { checkedInAt: { gt: now } }] } : { checkedInAt: null }),
        },
        data: { checkedInAt: now },
      });
      if (admitted.count === 1) {
        await tx.checkIn.updateMany({ where: { ticketId, result: "OK" }, data: { result: "CONFLICT" } });
        return record("OK");
      }
      const current = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { status: true } });
      if (current.status !== "VALID") return record("CANCELLED");
      return record(local === "OK" ? "CONFLICT" : "ALREADY_USED");
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
