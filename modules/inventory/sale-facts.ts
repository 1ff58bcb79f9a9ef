import "server-only";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";

// What a sale needs to know about its ticket types (with their festival),
// sessions and workshop products: prices, limits, sales windows, fulfilment. When a festival opens, hundreds of
// buyers ask about the same few rows each second, so the answer is kept for a
// second. Whatever changes them (the festival and product editors) calls forgetSaleFacts, so
// this server sees an edit at once; another server behind the same database
// within FACTS_TTL_MS. Seats and stock are never cached: they are counted in the order's
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

/** A workshop product as a sale needs it (price, who makes it, how it can be fulfilled). */
export type SaleProduct = {
  id: string;
  farmerId: string;
  workshopId: string;
  /** Published, and its farmer approved. */
  onSale: boolean;
  priceCents: number;
  currency: string;
  nameZh: string;
  nameEn: string;
  pickupAtWorkshop: boolean;
  pickupAtFestival: boolean;
  delivery: boolean;
  deliveryFeeCents: number;
  /** The harvest window: from this instant (null: always)… */
  availableFrom: Date | null;
  /** …until this one, not included (null: no end). */
  availableUntil: Date | null;
};

type ProductRow = Omit<
  SaleProduct,
  "onSale" | "pickupAtWorkshop" | "pickupAtFestival" | "delivery" | "availableFrom" | "availableUntil"
> & {
  status: string;
  farmerStatus: string;
  pickupAtWorkshop: boolean | number;
  pickupAtFestival: boolean | number;
  delivery: boolean | number;
  availableFrom: Date | string | null;
  availableUntil: Date | string | null;
};

/** Reads the facts from the database in plain statements (the ORM's query planning cost more than the work). */
async function queryFacts(typeIds: string[], sessionIds: string[], productIds: string[]) {
  const [types, sessions, products] = await Promise.all([
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
    productIds.length === 0
      ? []
      : db.$queryRaw<ProductRow[]>`
      SELECT p."id", p."farmerId", p."workshopId", p."status", f."status" AS "farmerStatus", p."priceCents",
        p."currency", p."nameZh", p."nameEn", p."pickupAtWorkshop", p."pickupAtFestival", p."delivery",
        p."deliveryFeeCents", p."availableFrom", p."availableUntil"
      FROM "Product" p JOIN "FarmerProfile" f ON f."id" = p."farmerId"
      WHERE p."id" IN (${Prisma.join(productIds)})`,
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
  const saleProducts: SaleProduct[] = products.map((p) => ({
    id: p.id,
    farmerId: p.farmerId,
    workshopId: p.workshopId,
    onSale: p.status === "PUBLISHED" && p.farmerStatus === "APPROVED",
    priceCents: Number(p.priceCents),
    currency: p.currency,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    pickupAtWorkshop: Boolean(p.pickupAtWorkshop),
    pickupAtFestival: Boolean(p.pickupAtFestival),
    delivery: Boolean(p.delivery),
    deliveryFeeCents: Number(p.deliveryFeeCents),
    availableFrom: p.availableFrom === null ? null : new Date(p.availableFrom),
    availableUntil: p.availableUntil === null ? null : new Date(p.availableUntil),
  }));
  return {
    typeRows: saleTypes,
    sessionRows: sessions.map((x) => ({ ...x, startsAt: new Date(x.startsAt) })),
    productRows: saleProducts,
  };
}

type SaleSession = { id: string; festivalId: string; startsAt: Date };

type Entry<T> = { at: number; value: T | null };
const types = new Map<string, Entry<SaleType>>();
const sessions = new Map<string, Entry<SaleSession>>();
const products = new Map<string, Entry<SaleProduct>>();
type Facts = Awaited<ReturnType<typeof queryFacts>>;
const reading = new Map<string, Promise<Facts>>();
// Bumped by forgetSaleFacts, so a read that started before an edit is not remembered after it.
let generation = 0;

/** Call after changing ticket types, sessions or a festival's sales settings. */
export function forgetSaleFacts(): void {
  types.clear();
  sessions.clear();
  products.clear();
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

/** The known ticket types, sessions and products among the ids (unknown ones are left out). */
export async function readSaleFacts(ids: { typeIds: string[]; sessionIds: string[]; productIds: string[] }): Promise<{
  types: SaleType[];
  sessions: SaleSession[];
  products: SaleProduct[];
}> {
  const { typeIds, sessionIds, productIds } = ids;
  const now = Date.now();
  if (!fresh(types, typeIds, now) || !fresh(sessions, sessionIds, now) || !fresh(products, productIds, now)) {
    // Buyers who arrive together for the same things share one read.
    const key = `${typeIds.join(",")}|${sessionIds.join(",")}|${productIds.join(",")}`;
    let read = reading.get(key);
    if (!read) {
      const started = generation;
      read = queryFacts(typeIds, sessionIds, productIds).then((facts) => {
        if (started !== generation) return facts;
        remember(types, typeIds, facts.typeRows, now);
        remember(sessions, sessionIds, facts.sessionRows, now);
        remember(products, productIds, facts.productRows, now);
        return facts;
      });
      reading.set(key, read);
      // Done or failed, the next buyer starts a read of their own (a failed one is not kept).
      const settled = read;
      const clear = () => {
        if (reading.get(key) === settled) reading.delete(key);
      };
      settled.then(clear, clear);
    }
    const facts = await read;
    // Answer from what this read saw (the cache may have been emptied meanwhile).
    const byId = <T extends { id: string }>(rows: T[], wanted: string[]) => {
      const found = new Map(rows.map((r) => [r.id, r]));
      return wanted.map((id) => found.get(id)).filter((v): v is T => v !== undefined);
    };
    return {
      types: byId(facts.typeRows, typeIds),
      sessions: byId(facts.sessionRows, sessionIds),
      products: byId(facts.productRows, productIds),
    };
  }
  const known = <T>(cache: Map<string, Entry<T>>, wanted: string[]) =>
    wanted.map((id) => cache.get(id)?.value).filter((v): v is T => v !== null && v !== undefined);
  return { types: known(types, typeIds), sessions: known(sessions, sessionIds), products: known(products, productIds) };
}
