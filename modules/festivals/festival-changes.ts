import { shanghaiTimeRangeText } from "@/lib/dates";
import { type AuditChanges, changedFields, type FieldChange } from "@/modules/audit/record-audit";
import type { FestivalPlan } from "./check-festival";

// What a festival save changed, for the audit log: the festival's own fields as
// { field: { from, to } }, and its ticket types and sessions as added, changed
// (with their fields) and removed.

type FestivalData = FestivalPlan["data"];
type TicketTypeData = FestivalPlan["ticketTypes"]["create"][number];
type SessionData = FestivalPlan["sessions"]["create"][number];

const FESTIVAL_FIELDS = [
  "slug",
  "kind",
  "nameZh",
  "nameEn",
  "summaryZh",
  "summaryEn",
  "descriptionZh",
  "descriptionEn",
  "venueZh",
  "venueEn",
  "placeId",
  "startsOn",
  "endsOn",
  "salesStartAt",
  "salesEndAt",
  "cancellationCutoffHours",
  "maxTicketsPerOrder",
] as const satisfies readonly (keyof FestivalData)[];

const TICKET_TYPE_FIELDS = [
  "nameZh",
  "nameEn",
  "descriptionZh",
  "descriptionEn",
  "priceCents",
  "admissions",
  "maxPerOrder",
  "active",
  "position",
] as const satisfies readonly (keyof TicketTypeData)[];

const SESSION_FIELDS = [
  "startsAt",
  "endsAt",
  "capacity",
  "labelZh",
  "labelEn",
] as const satisfies readonly (keyof SessionData)[];

/** The festival as it was before the save, with its ticket types and sessions. */
export type FestivalBefore = FestivalData & {
  ticketTypes: (TicketTypeData & { id: string })[];
  sessions: (SessionData & { id: string })[];
};

export type CollectionChanges = {
  added: string[];
  changed: { name: string; changes: Record<string, FieldChange> }[];
  removed: string[];
};

/** A session as people name it: "2027-06-11 08:00–10:00" in Suoqian's time. */
export const sessionWhen = (s: { startsAt: Date; endsAt: Date }) => shanghaiTimeRangeText(s.startsAt, s.endsAt);

function collection<T extends Record<string, unknown>>(
  before: (T & { id: string })[],
  plan: { create: T[]; update: { id: string; data: T }[]; remove: string[] },
  fields: readonly (keyof T & string)[],
  name: (item: T) => string,
): CollectionChanges | null {
  const byId = new Map(before.map((item) => [item.id, item]));
  const changed = plan.update.flatMap(({ id, data }) => {
    const old = byId.get(id);
    const changes = changedFields<T>(old ?? null, data, fields);
    return old && Object.keys(changes).length > 0 ? [{ name: name(old), changes }] : [];
  });
  const removed = plan.remove.flatMap((id) => {
    const old = byId.get(id);
    return old ? [name(old)] : [];
  });
  const added = plan.create.map(name);
  return added.length + changed.length + removed.length > 0 ? { added, changed, removed } : null;
}

/** The changes a plan makes to a festival (everything it sets, for a new one). */
export function festivalChanges(before: FestivalBefore | null, plan: FestivalPlan): AuditChanges {
  const changes: AuditChanges = changedFields<FestivalData>(before, plan.data, FESTIVAL_FIELDS);
  const ticketTypes = collection(before?.ticketTypes ?? [], plan.ticketTypes, TICKET_TYPE_FIELDS, (t) => t.nameZh);
  const sessions = collection(before?.sessions ?? [], plan.sessions, SESSION_FIELDS, sessionWhen);
  if (ticketTypes) changes.ticketTypes = ticketTypes;
  if (sessions) changes.sessions = sessions;
  return changes;
}
