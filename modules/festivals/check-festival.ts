import "server-only";
import { shanghaiTimeRangeText } from "@/lib/dates";
import { db } from "@/lib/db";
import { type MessageValues, UserError } from "@/lib/user-error";
import { managedFestivals } from "@/modules/auth/festival-scope";
import type { CurrentUser } from "@/modules/auth/session";
import type { FestivalInput } from "./schemas";

type Manager = Pick<CurrentUser, "id" | "role">;

export const E = "festivalEditor.errors";
const KIND = { bayberry: "BAYBERRY", cherry: "CHERRY", other: "OTHER" } as const;
// The last day ends at 23:59 in Suoqian, as the seeded festivals do, so "not ended yet" reads naturally.
const LAST_MINUTE_MS = 24 * 60 * 60 * 1000 - 60 * 1000;

type SessionData = { startsAt: Date; endsAt: Date; capacity: number; labelZh: string | null; labelEn: string | null };

/** Everything a save will write, checked against the database but not yet written. */
export type FestivalPlan = {
  festivalId: string | null;
  creatorId: string;
  previousSlug: string | null;
  published: boolean;
  data: ReturnType<typeof festivalData>;
  ticketTypes: {
    create: ReturnType<typeof ticketTypeData>[];
    update: { id: string; data: ReturnType<typeof ticketTypeData> }[];
    remove: string[];
  };
  sessions: {
    create: SessionData[];
    /** `index` is the session's place in the editor, to point an error at it. */
    update: { id: string; index: number; data: SessionData }[];
    remove: string[];
  };
};

function festivalData(input: FestivalInput) {
  return {
    slug: input.slug,
    kind: KIND[input.kind],
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    summaryZh: input.summaryZh,
    summaryEn: input.summaryEn,
    descriptionZh: input.descriptionZh,
    descriptionEn: input.descriptionEn,
    venueZh: input.venueZh,
    venueEn: input.venueEn,
    placeId: input.placeId,
    startsOn: input.startsOn,
    endsOn: new Date(input.endsOn.getTime() + LAST_MINUTE_MS),
    salesStartAt: input.salesStartAt,
    salesEndAt: input.salesEndAt,
    cancellationCutoffHours: input.cancellationCutoffHours,
    maxTicketsPerOrder: input.maxTicketsPerOrder,
  };
}

function ticketTypeData(t: FestivalInput["ticketTypes"][number], position: number) {
  return {
    nameZh: t.nameZh,
    nameEn: t.nameEn,
    descriptionZh: t.descriptionZh,
    descriptionEn: t.descriptionEn,
    // A price change reaches new orders only: order items keep the price they were sold at.
    priceCents: t.price,
    admissions: t.admissions,
    maxPerOrder: t.maxPerOrder,
    active: t.active,
    position,
  };
}

function sessionData(s: FestivalInput["sessions"][number]): SessionData {
  return {
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    labelZh: s.labelZh || null,
    labelEn: s.labelEn || null,
  };
}

const sameSession = (a: SessionData, b: SessionData) =>
  a.startsAt.getTime() === b.startsAt.getTime() &&
  a.endsAt.getTime() === b.endsAt.getTime() &&
  a.capacity === b.capacity &&
  a.labelZh === b.labelZh &&
  a.labelEn === b.labelEn;

/**
 * Checks a save against the database: the festival is the user's to edit, the slug is
 * free, the place exists, no capacity drops below the seats already taken, and nothing
 * with orders is deleted. Collects every problem, then throws them together.
 */
export async function checkFestival(input: FestivalInput, user: Manager): Promise<FestivalPlan> {
  const existing = await findEditable(input, user);
  const problems: Problems = { fields: {}, values: {} };
  const { fields, values } = problems;
  const [slugOwner, place] = await Promise.all([
    db.festival.findUnique({ where: { slug: input.slug }, select: { id: true } }),
    input.placeId ? db.place.findUnique({ where: { id: input.placeId }, select: { id: true } }) : null,
  ]);
  if (slugOwner && slugOwner.id !== existing?.id) fields.slug = `${E}.slugTaken`;
  if (input.placeId && !place) fields.placeId = `${E}.unknownPlace`;

  const plan: FestivalPlan = {
    festivalId: existing?.id ?? null,
    creatorId: user.id,
    previousSlug: existing?.slug ?? null,
    published: existing?.status === "PUBLISHED",
    data: festivalData(input),
    ticketTypes: planTicketTypes(input, existing, problems),
    sessions: planSessions(input, existing, problems),
  };

  if (plan.published && (!input.ticketTypes.some((t) => t.active) || input.sessions.length === 0)) {
    fields._form = `${E}.publishedNeedsSales`;
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields, values);
  return plan;
}

/** Field errors (message keys) and the values they name, collected over the whole check. */
type Problems = { fields: Record<string, string>; values: Record<string, MessageValues> };

/** The festival being edited, with what its ticket types and sessions have sold; null for a new one. */
async function findEditable(input: FestivalInput, user: Manager) {
  const existing = input.id
    ? await db.festival.findFirst({
        where: { id: input.id, ...managedFestivals(user) },
        select: {
          id: true,
          slug: true,
          status: true,
          ticketTypes: { select: { id: true, nameZh: true, _count: { select: { items: true, tickets: true } } } },
          sessions: {
            select: {
              id: true,
              startsAt: true,
              endsAt: true,
              capacity: true,
              reserved: true,
              labelZh: true,
              labelEn: true,
              _count: { select: { items: true, pickupItems: true, tickets: true, holds: true } },
            },
          },
        },
      })
    : null;
  if (input.id && !existing) throw new UserError("errors.notFound");
  return existing;
}

type Editable = Awaited<ReturnType<typeof findEditable>>;

/** Ticket types to create, update and remove; a sold type cannot be removed. */
function planTicketTypes(input: FestivalInput, existing: Editable, { fields, values }: Problems) {
  const planned: FestivalPlan["ticketTypes"] = { create: [], update: [], remove: [] };
  const types = new Map(existing?.ticketTypes.map((t) => [t.id, t]));
  input.ticketTypes.forEach((t, i) => {
    if (!t.id) planned.create.push(ticketTypeData(t, i));
    else if (types.has(t.id)) planned.update.push({ id: t.id, data: ticketTypeData(t, i) });
    else fields[`ticketTypes.${i}`] = `${E}.unknownTicketType`;
  });
  const keptTypes = new Set(input.ticketTypes.map((t) => t.id));
  const droppedTypes = existing?.ticketTypes.filter((t) => !keptTypes.has(t.id)) ?? [];
  const soldTypes = droppedTypes.filter((t) => t._count.items + t._count.tickets > 0);
  if (soldTypes.length > 0) {
    fields.ticketTypes = `${E}.ticketTypeSold`;
    values.ticketTypes = { names: soldTypes.map((t) => t.nameZh).join(" / ") };
  }
  planned.remove = droppedTypes.map((t) => t.id);
  return planned;
}

/** Sessions to create, update (only those that changed) and remove; no capacity below the seats taken, nothing in use removed. */
function planSessions(input: FestivalInput, existing: Editable, { fields, values }: Problems) {
  const planned: FestivalPlan["sessions"] = { create: [], update: [], remove: [] };
  const sessions = new Map(existing?.sessions.map((s) => [s.id, s]));
  input.sessions.forEach((s, i) => {
    const data = sessionData(s);
    if (!s.id) {
      planned.create.push(data);
      return;
    }
    const before = sessions.get(s.id);
    if (!before) {
      fields[`sessions.${i}.startsAt`] = `${E}.unknownSession`;
      return;
    }
    if (s.capacity < before.reserved) {
      fields[`sessions.${i}.capacity`] = `${E}.capacityBelowReserved`;
      values[`sessions.${i}.capacity`] = { reserved: before.reserved };
    }
    if (!sameSession(data, before)) planned.update.push({ id: s.id, index: i, data });
  });
  const keptSessions = new Set(input.sessions.map((s) => s.id));
  const droppedSessions = existing?.sessions.filter((s) => !keptSessions.has(s.id)) ?? [];
  const inUse = droppedSessions.filter((s) => s.reserved > 0 || Object.values(s._count).some((n) => n > 0));
  if (inUse.length > 0) {
    fields.sessions = `${E}.sessionsInUse`;
    values.sessions = { sessions: inUse.map((s) => shanghaiTimeRangeText(s.startsAt, s.endsAt)).join(", ") };
  }
  planned.remove = droppedSessions.map((s) => s.id);
  return planned;
}
