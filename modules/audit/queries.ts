import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import { shanghaiTime } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Bilingual } from "@/lib/localized";
import { type FestivalScope, sessionsIn } from "@/modules/auth/festival-scope";
import type { AuditEntityType, AuditFilter } from "./filter";

export const AUDIT_PAGE_SIZE = 50;

/** The instant a Suoqian calendar day ("2027-06-11") begins, `plusDays` later. */
function dayStart(day: string, plusDays = 0): Date {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return shanghaiTime(year, month, date + plusDays);
}

/**
 * The entries a scope may read that match the filter. An organiser's scope is their
 * festivals' ids, put in the `where` itself: entries of other festivals, and those
 * about no festival (routes, workshops, users), do not exist for them.
 */
export function auditWhere(scope: FestivalScope, filter: AuditFilter): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.action) and.push({ action: filter.action });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.actor) and.push({ actorEmail: { contains: filter.actor } });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.festivalId) and.push({ festivalId: filter.festivalId });
  if (filter.from) and.push({ createdAt: { gte: dayStart(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: dayStart(filter.to, 1) } });
  return { ...sessionsIn(scope), AND: and };
}

/** Where an entry's record is: its name (or code) and the back-office page that shows it, if any. */
export type AuditRecord = { name: Bilingual | null; href: string | null };

type Ref = { entityType: string; entityId: string };

const ids = (entries: Ref[], type: AuditEntityType) => [
  ...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId)),
];
const both = (text: string): Bilingual => ({ zh: text, en: text });

/** Names and links of the entries' records, looked up together (a record deleted since shows its id). */
async function describeRecords(entries: Ref[]): Promise<Map<string, AuditRecord>> {
  const [festivals, orders, routes, workshops, farmers, users] = await Promise.all([
    db.festival.findMany({
      where: { id: { in: ids(entries, "festival") } },
      select: { id: true, slug: true, nameZh: true, nameEn: true },
    }),
    db.order.findMany({ where: { id: { in: ids(entries, "order") } }, select: { id: true, code: true } }),
    db.route.findMany({
      where: { id: { in: ids(entries, "route") } },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.workshop.findMany({
      where: { id: { in: ids(entries, "workshop") } },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.farmerProfile.findMany({
      where: { id: { in: ids(entries, "farmer") } },
      select: { id: true, displayName: true },
    }),
    db.user.findMany({ where: { id: { in: ids(entries, "user") } }, select: { id: true, email: true } }),
  ]);
  const records = new Map<string, AuditRecord>();
  const add = (type: AuditEntityType, id: string, record: AuditRecord) => records.set(`${type}:${id}`, record);
  for (const f of festivals) {
    add("festival", f.id, { name: { zh: f.nameZh, en: f.nameEn }, href: `/organiser/festivals/${f.slug}/edit` });
  }
  for (const o of orders) add("order", o.id, { name: both(o.code), href: `/organiser/orders/${o.id}` });
  for (const r of routes) add("route", r.id, { name: { zh: r.titleZh, en: r.titleEn }, href: `/admin/routes/${r.id}` });
  for (const w of workshops) {
    add("workshop", w.id, { name: { zh: w.nameZh, en: w.nameEn }, href: `/admin/workshops/${w.id}` });
  }
  for (const p of farmers) add("farmer", p.id, { name: both(p.displayName), href: "/admin/farmers" });
  for (const u of users) add("user", u.id, { name: both(u.email ?? u.id), href: null });
  return records;
}

/** The entries the scope may read that match the filter, newest first, one page at a time. */
export async function findAuditEntries(scope: FestivalScope, filter: AuditFilter, page = 1) {
  const where = auditWhere(scope, filter);
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        actorEmail: true,
        actorRole: true,
        action: true,
        entityType: true,
        entityId: true,
        festivalId: true,
        changes: true,
      },
    }),
  ]);
  const records = await describeRecords(entries);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: entries.map((e) => ({
      ...e,
      record: records.get(`${e.entityType}:${e.entityId}`) ?? { name: null, href: null },
    })),
  };
}
