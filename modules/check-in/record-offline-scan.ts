import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import type { CheckInResult } from "@/generated/prisma/sqlite/enums";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import type { Gate } from "./gate";
import { judge, MAX_LOGGED_CODE } from "./judge-scan";

// A gate device's scans made offline, recorded when it syncs: the server is the authority.

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
