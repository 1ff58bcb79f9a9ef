import "server-only";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";

// What a sale needs to know about its ticket types (with their festival) and
// sessions: prices, limits, sales windows. When a festival opens, hundreds of
// buyers ask about the same few rows each second, so the answer is kept for a
// second. Whatever changes them (the festival editor) calls forgetSaleFacts, so
// this server sees an edit at once; another server behind the same database
// within FACTS_TTL_MS. Seats are never cached: they are counted in the order's
// transaction (place-orders.ts).

const FACTS_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

type SaleType = {
  id: string;
  festivalId: string;
  priceCents: number;
  currency: string;
  admissions: number;
  maxPerOrder: number;
  active: boolean;
  nameZh: string;
  nameEn: string;
  festival: { status: string; salesStartAt: Date; salesEndAt: Date; maxTicketsPerOrder: number };
};

/** Reads the facts from the database in two plain statements (the ORM's query planning cost more than the work). */
async function queryFacts(typeIds: string[], sessionIds: string[]) {
  const [types, sessions] = await Promise.all([
    typeIds.length === 0
      ? []
      : db.$queryRaw<
          (Omit<SaleType, "festival" | "active"> & {
            active: boolean | number;
            status: string;
            salesStartAt: Date;
            salesEndAt: Date;
            maxTicketsPerOrder: number;
          })[]
        >`
      SELECT t."id", t."festivalId", t."priceCents", t."currency", t."admissions", t."maxPerOrder", t."active",
        t."nameZh", t."nameEn", f."status", f."salesStartAt", f."salesEndAt", f."maxTicketsPerOrder"
      FROM "TicketType" t JOIN "Festival" f ON f."id" = t."festivalId"
      WHERE t."id" IN (${Prisma.join(typeIds)})`,
    sessionIds.length === 0
      ? []
      : db.$queryRaw<SaleSession[]>`
      SELECT "id", "festivalId", "startsAt" FROM "FestivalSession" WHERE "id" IN (${Prisma.join(sessionIds)})`,
  ]);
  const saleTypes: SaleType[] = types.map((t) => ({
    id: t.id,
    festivalId: t.festivalId,
    priceCents: Number(t.priceCents),
    currency: t.currency,
    admissions: Number(t.admissions),
    maxPerOrder: Number(t.maxPerOrder),
    // SQLite answers 0/1, PostgreSQL true/false.
    active: Boolean(t.active),
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    festival: {
      status: t.status,
      salesStartAt: new Date(t.salesStartAt),
      salesEndAt: new Date(t.salesEndAt),
      maxTicketsPerOrder: Number(t.maxTicketsPerOrder),
    },
  }));
  return [saleTypes, sessions.map((x) => ({ ...x, startsAt: new Date(x.startsAt) }))] as const;
}

type SaleSession = { id: string; festivalId: string; startsAt: Date };

type Entry<T> = { at: number; value: T | null };
const types = new Map<string, Entry<SaleType>>();
const sessions = new Map<string, Entry<SaleSession>>();
const reading = new Map<string, Promise<{ typeRows: SaleType[]; sessionRows: SaleSession[] }>>();
// Bumped by forgetSaleFacts, so a read that started before an edit is not remembered after it.
let generation = 0;

/** Call after changing ticket types, sessions or a festival's sales settings. */
export function forgetSaleFacts(): void {
  types.clear();
  sessions.clear();
  reading.clear();
  generation++;
}

function fresh<T>(cache: Map<string, Entry<T>>, ids: string[], now: number): boolean {
  return ids.every((id) => {
    const entry = cache.get(id);
    return entry !== undefined && now - entry.at < FACTS_TTL_MS;
  });
}

function remember<T extends { id: string }>(cache: Map<string, Entry<T>>, ids: string[], rows: T[], now: number) {
  if (cache.size > MAX_ENTRIES) cache.clear();
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Unknown ids are remembered too, so a flood of made-up ids costs one read a second.
  for (const id of ids) cache.set(id, { at: now, value: byId.get(id) ?? null });
}

/** The known ticket types and sessions among the ids (unknown ones are left out). */
export async function readSaleFacts(typeIds: string[], sessionIds: string[]) {
  const now = Date.now();
  if (!fresh(types, typeIds, now) || !fresh(sessions, sessionIds, now)) {
    // Buyers who arrive together for the same tickets share one read.
    const key = `${typeIds.join(",")}|${sessionIds.join(",")}`;
    let read = reading.get(key);
    if (!read) {
      const started = generation;
      read = queryFacts(typeIds, sessionIds).then(([typeRows, sessionRows]) => {
        if (started !== generation) return { typeRows, sessionRows };
        remember(types, typeIds, typeRows, now);
        remember(sessions, sessionIds, sessionRows, now);
        return { typeRows, sessionRows };
      });
      reading.set(key, read);
      // Done or failed, the next buyer starts a read of their own (a failed one is not kept).
      const settled = read;
      const clear = () => {
        if (reading.get(key) === settled) reading.delete(key);
      };
      settled.then(clear, clear);
    }
    const { typeRows, sessionRows } = await read;
    // Answer from what this read saw (the cache may have been emptied meanwhile).
    const byId = <T extends { id: string }>(rows: T[], ids: string[]) => {
      const found = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => found.get(id)).filter((v): v is T => v !== undefined);
    };
    return [byId(typeRows, typeIds), byId(sessionRows, sessionIds)] as const;
  }
  const known = <T>(cache: Map<string, Entry<T>>, ids: string[]) =>
    ids.map((id) => cache.get(id)?.value).filter((v): v is T => v !== null && v !== undefined);
  return [known(types, typeIds), known(sessions, sessionIds)] as const;
}
