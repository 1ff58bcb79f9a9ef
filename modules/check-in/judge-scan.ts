import "server-only";
import type { CheckInResult } from "@/generated/prisma/sqlite/enums";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Bilingual } from "@/lib/localized";
import { readScannedCode } from "@/modules/tickets/signature";
import { ADMITTING_ORDERS, type Gate, organises } from "./gate";
import { gateDay } from "./gate-day";

// What a scan is before anything is written, by the same rules online and for a device's
// offline scans: the ticket it names, and whether this gate may admit it.

export const MAX_LOGGED_CODE = 200;

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

export type FoundTicket = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

export function findTicket(code: string) {
  return db.ticket.findUnique({ where: { code }, include: ticketInclude });
}

export function gateTicket(t: FoundTicket, gate: Gate, checkedInAt: Date | null): GateTicket {
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
export async function judge(
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
