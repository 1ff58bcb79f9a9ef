import { shanghaiDateParts } from "@/lib/dates";
import { parseScan, payloadHash, verifySigned } from "@/modules/tickets/signature-verify";
import type { Manifest, ManifestTicket } from "../gate-sync";

// How a gate decides a scan on its own, without signal: the online gate's rules (forged,
// unknown, cancelled, wrong session, already used, else ok) against the day's manifest it
// downloaded, the public key for new QR codes, and what this device admitted itself.

export type LocalResultName = "ok" | "already_used" | "wrong_session" | "cancelled" | "unknown" | "forged";

export type LocalDecision = {
  result: LocalResultName;
  /** The ticket the manifest lists for the code, when it is one of the festival's that day. */
  ticket: ManifestTicket | null;
  /** When it was first admitted (by this device, or any device as of the last manifest). */
  checkedInAt: string | null;
};

/** "YYYY-MM-DD" of an instant in Suoqian: the manifest's day for the gate's "today". */
export function gateDate(now: Date): string {
  const { year, month, day } = shanghaiDateParts(now);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function decideLocally(input: {
  scanned: string;
  manifest: Pick<Manifest, "tickets" | "publicKey" | "date">;
  /** The gate's session, or null for all of the day's. */
  sessionId: string | null;
  /** Codes this device admitted, with when. */
  admittedHere: Readonly<Record<string, string>>;
  now: Date;
}): LocalDecision {
  const { manifest } = input;
  const scan = parseScan(input.scanned);
  const find = (code: string) => manifest.tickets.find((t) => t.code === code) ?? null;
  if (scan.kind === "signed" && !verifySigned(scan.code, scan.signature, manifest.publicKey)) {
    return { result: "forged", ticket: null, checkedInAt: null };
  }
  const ticket = scan.code ? find(scan.code) : null;
  if (scan.kind === "legacy" && ticket && payloadHash(scan.payload) !== ticket.legacyHash) {
    return { result: "forged", ticket: null, checkedInAt: null };
  }
  // Not among the festival's tickets of the day: another day's, another festival's, or none.
  if (!ticket) return { result: "unknown", ticket: null, checkedInAt: null };
  const checkedInAt = input.admittedHere[ticket.code] ?? ticket.checkedInAt;
  if (ticket.status !== "valid") return { result: "cancelled", ticket, checkedInAt };
  if (input.sessionId ? ticket.sessionId !== input.sessionId : manifest.date !== gateDate(input.now)) {
    return { result: "wrong_session", ticket, checkedInAt };
  }
  if (checkedInAt) return { result: "already_used", ticket, checkedInAt };
  return { result: "ok", ticket, checkedInAt: input.now.toISOString() };
}

/** A manifest brought up to date with a delta: changed tickets replace their old entries. */
export function mergeManifest(base: Manifest, delta: Manifest): Manifest {
  if (!delta.delta) return delta;
  const byCode = new Map(base.tickets.map((t) => [t.code, t]));
  for (const t of delta.tickets) byCode.set(t.code, t);
  return { ...delta, delta: false, tickets: [...byCode.values()] };
}
