import "server-only";
import { createHash } from "node:crypto";
import { shanghaiDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Bilingual } from "@/lib/localized";
import { legacyPayloadHash, ticketPublicKey } from "@/modules/tickets/signature";
import { ADMITTING_ORDERS } from "./gate";
import { type LocalResult, recordOfflineScan } from "./record-offline-scan";
import type { SyncInput } from "./schemas";

// The offline gate's two exchanges with the server: the day's manifest (what a device needs to
// decide scans without signal) and the sync of the scans it queued. Only tickets of the
// festival asked for, which the caller organises, ever leave the server.

/** A delta asks again for what changed this long before its cursor, so a commit racing the cursor is not lost. */
export const CURSOR_OVERLAP_MS = 30_000;

export class FestivalNotFoundError extends Error {}
export class NotOrganiserOfFestivalError extends Error {}
export class ForeignSessionError extends Error {
  constructor(readonly index: number) {
    super("session not of this festival");
  }
}

/** Scans dated before the offline window: never recorded (the device drops them). */
export class ScanTimeError extends Error {
  constructor(readonly indexes: number[]) {
    super("scan time outside its session's day or the offline window");
  }
}

/**
 * How long a gate may keep a scan before syncing it: three days (a festival weekend and
 * the day after). A scan dated earlier (a clock at 1970, a replayed queue) would
 * otherwise win every conflict as "the earliest admission".
 */
export const OFFLINE_WINDOW_MS = 72 * 60 * 60_000;

/** The festival by slug, for an organiser of it; 404 and 403 otherwise (as errors). */
export async function gateFestival(userId: string, slug: string) {
  const festival = await db.festival.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      organisers: { where: { userId }, select: { userId: true } },
    },
  });
  if (!festival) throw new FestivalNotFoundError();
  if (festival.organisers.length === 0) throw new NotOrganiserOfFestivalError();
  return { id: festival.id, slug: festival.slug, name: { zh: festival.nameZh, en: festival.nameEn } };
}

export type ManifestTicket = {
  code: string;
  sessionId: string;
  ticketType: Bilingual;
  status: "valid" | "cancelled" | "refunded";
  /** When it was first admitted, by any device or gate (ISO), else null. */
  checkedInAt: string | null;
  /** SHA-256 of the ticket's SQT1 QR payload, for tickets issued before Ed25519. */
  legacyHash: string;
  /** A hash of the code and the holder's name: tells holders apart without naming them. */
  holderHash: string;
};

export type Manifest = {
  festival: { id: string; slug: string; name: Bilingual };
  date: string;
  sessions: { id: string; startsAt: string; endsAt: string; label: Bilingual | null }[];
  tickets: ManifestTicket[];
  /** Pass back as `since` for the tickets changed from now on. */
  cursor: string;
  /** Whether `tickets` holds only what changed since the cursor given. */
  delta: boolean;
  /** The Ed25519 public key QR codes are verified with (raw, base64url). */
  publicKey: string;
  generatedAt: string;
};

function holderHash(code: string, name: string): string {
  return createHash("sha256").update(`${code}\n${name.trim()}`).digest("base64url").slice(0, 22);
}

/** The tickets of a festival's sessions on one Suoqian day (or those changed since a cursor). */
export async function buildManifest(
  festival: Awaited<ReturnType<typeof gateFestival>>,
  date: string,
  since: Date | null,
  now: Date,
): Promise<Manifest> {
  const { start, end } = shanghaiDay(date);
  const onTheDay = { festivalId: festival.id, startsAt: { gte: start, lt: end } };
  const after = since ? new Date(since.getTime() - CURSOR_OVERLAP_MS) : null;
  const [sessions, tickets] = await Promise.all([
    db.festivalSession.findMany({
      where: onTheDay,
      orderBy: { startsAt: "asc" },
      select: { id: true, startsAt: true, endsAt: true, labelZh: true, labelEn: true },
    }),
    db.ticket.findMany({
      where: {
        session: onTheDay,
        ...(after ? { OR: [{ updatedAt: { gt: after } }, { order: { updatedAt: { gt: after } } }] } : {}),
      },
      orderBy: { code: "asc" },
      select: {
        code: true,
        sessionId: true,
        status: true,
        checkedInAt: true,
        holderName: true,
        ticketType: { select: { nameZh: true, nameEn: true } },
        order: { select: { status: true, customerName: true } },
      },
    }),
  ]);
  return {
    festival,
    date,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      label: s.labelZh || s.labelEn ? { zh: s.labelZh ?? "", en: s.labelEn ?? "" } : null,
    })),
    tickets: tickets.map((t) => ({
      code: t.code,
      sessionId: t.sessionId,
      ticketType: { zh: t.ticketType.nameZh, en: t.ticketType.nameEn },
      status:
        t.status === "REFUNDED"
          ? "refunded"
          : t.status === "VALID" && (ADMITTING_ORDERS as readonly string[]).includes(t.order.status)
            ? "valid"
            : "cancelled",
      checkedInAt: t.checkedInAt?.toISOString() ?? null,
      legacyHash: legacyPayloadHash(t.code, env.ticketSecret),
      holderHash: holderHash(t.code, t.holderName ?? t.order.customerName),
    })),
    cursor: now.toISOString(),
    delta: since !== null,
    publicKey: ticketPublicKey(env.ticketSecret),
    generatedAt: now.toISOString(),
  };
}

export type SyncResultName = "ok" | "conflict" | "already_used" | "wrong_session" | "cancelled" | "unknown" | "forged";

/**
 * Records a device's queued scans, earliest scan first (so the earliest admission wins
 * within a batch as across batches), and answers each in the order sent.
 */
export async function syncScans(
  userId: string,
  festival: { id: string },
  input: SyncInput,
  now: Date,
): Promise<{ id: string; result: SyncResultName }[]> {
  const asked = [...new Set(input.scans.flatMap((s) => (s.sessionId ? [s.sessionId] : [])))];
  if (asked.length > 0) {
    const found = await db.festivalSession.findMany({
      where: { id: { in: asked }, festivalId: festival.id },
      select: { id: true },
    });
    const known = new Set(found.map((s) => s.id));
    const foreign = input.scans.findIndex((s) => s.sessionId && !known.has(s.sessionId));
    if (foreign >= 0) throw new ForeignSessionError(foreign);
  }
  // As the online gate, a scan on a chosen session is judged by that session, on any day;
  // only its time must be one the device can have kept since.
  const oldest = now.getTime() - OFFLINE_WINDOW_MS;
  const outOfTime = input.scans.flatMap((scan, index) => (Date.parse(scan.scannedAt) >= oldest ? [] : [index]));
  if (outOfTime.length > 0) throw new ScanTimeError(outOfTime);
  const organised = new Map<string, Promise<boolean>>();
  const runs = (festivalId: string) => {
    let answer = organised.get(festivalId);
    if (!answer) {
      answer = db.festivalOrganiser
        .findUnique({ where: { festivalId_userId: { festivalId, userId } } })
        .then((link) => link !== null);
      organised.set(festivalId, answer);
    }
    return answer;
  };
  const order = input.scans
    .map((scan, index) => ({ scan, index, at: new Date(scan.scannedAt) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
  const results: SyncResultName[] = new Array(input.scans.length);
  for (const { scan, index, at } of order) {
    const result = await recordOfflineScan(
      { festivalId: festival.id, userId, deviceId: input.deviceId },
      {
        id: scan.id,
        scanned: scan.code,
        scannedAt: at,
        sessionId: scan.sessionId ?? null,
        local: scan.local ? (scan.local.toUpperCase() as LocalResult) : null,
      },
      now,
      runs,
    );
    results[index] = result.toLowerCase() as SyncResultName;
  }
  return input.scans.map((scan, i) => ({ id: scan.id, result: results[i] as SyncResultName }));
}

export type GateConflict = {
  id: string;
  code: string;
  festival: Bilingual;
  /** The scan that lost: admitted on its device after another had admitted the ticket. */
  lost: { at: Date; deviceId: string | null; by: string; syncedAt: Date | null };
  /** The admission that stands (the earliest), if recorded. */
  won: { at: Date; deviceId: string | null; by: string } | null;
};

/** The recorded conflicts of the festivals an organiser runs, newest first. */
export async function listConflicts(userId: string, take = 50): Promise<GateConflict[]> {
  const rows = await db.checkIn.findMany({
    where: { result: "CONFLICT", ticket: { session: { festival: { organisers: { some: { userId } } } } } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      code: true,
      createdAt: true,
      deviceId: true,
      syncedAt: true,
      user: { select: { name: true } },
      ticket: {
        select: {
          code: true,
          session: { select: { festival: { select: { nameZh: true, nameEn: true } } } },
          checkIns: {
            where: { result: "OK" },
            take: 1,
            select: { createdAt: true, deviceId: true, user: { select: { name: true } } },
          },
        },
      },
    },
  });
  return rows.map((r) => {
    const won = r.ticket?.checkIns[0];
    return {
      id: r.id,
      code: r.ticket?.code ?? r.code,
      festival: { zh: r.ticket?.session.festival.nameZh ?? "", en: r.ticket?.session.festival.nameEn ?? "" },
      lost: { at: r.createdAt, deviceId: r.deviceId, by: r.user.name, syncedAt: r.syncedAt },
      won: won ? { at: won.createdAt, deviceId: won.deviceId, by: won.user.name } : null,
    };
  });
}
