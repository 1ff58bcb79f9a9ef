import "server-only";
import type { CheckInResult } from "@/generated/prisma/sqlite/enums";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { assertGate, type Gate } from "./gate";
import { type FoundTicket, findTicket, type GateTicket, gateTicket, judge, MAX_LOGGED_CODE } from "./judge-scan";

// Checking a ticket in at the gate (核销). Every scan is logged, admitted or not.
// The gate's rules (gate.ts, judge-scan.ts), a device's offline scans (record-offline-scan.ts)
// and the gate's counter (gate-counts.ts) have files of their own.

export type CheckInAnswer = { result: CheckInResult; ticket: GateTicket | null };

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
