import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { type MessageValues, UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record";
import type { CurrentUser } from "@/modules/auth/session";
import { managedFestivals } from "@/modules/bookings/access";
import type { Tx } from "@/modules/orders/capacity";
import { forgetSaleFacts } from "@/modules/orders/sale-facts";
import { passOnSeats } from "@/modules/waitlist/offer";
import { festivalChanges, sessionWhen } from "./festival-changes";
import type { FestivalInput } from "./schemas";

type Manager = Pick<CurrentUser, "id" | "role">;

const E = "festivalEditor.errors";
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

const isForeignKeyViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "P2003";

/**
 * Checks a save against the database: the festival is the user's to edit, the slug is
 * free, the place exists, no capacity drops below the seats already taken, and nothing
 * with orders is deleted. Collects every problem, then throws them together.
 */
export async function checkFestival(input: FestivalInput, user: Manager): Promise<FestivalPlan> {
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

  const fields: Record<string, string> = {};
  const values: Record<string, MessageValues> = {};
  const [slugOwner, place] = await Promise.all([
    db.festival.findUnique({ where: { slug: input.slug }, select: { id: true } }),
    input.placeId ? db.place.findUnique({ where: { id: input.placeId }, select: { id: true } }) : null,
  ]);
  if (slugOwner && slugOwner.id !== existing?.id) fields.slug = `${E}.slugTaken`;
  if (input.placeId && !place) fields.placeId = `${E}.unknownPlace`;

  const types = new Map(existing?.ticketTypes.map((t) => [t.id, t]));
  const plan: FestivalPlan = {
    festivalId: existing?.id ?? null,
    creatorId: user.id,
    previousSlug: existing?.slug ?? null,
    published: existing?.status === "PUBLISHED",
    data: festivalData(input),
    ticketTypes: { create: [], update: [], remove: [] },
    sessions: { create: [], update: [], remove: [] },
  };
  input.ticketTypes.forEach((t, i) => {
    if (!t.id) plan.ticketTypes.create.push(ticketTypeData(t, i));
    else if (types.has(t.id)) plan.ticketTypes.update.push({ id: t.id, data: ticketTypeData(t, i) });
    else fields[`ticketTypes.${i}`] = `${E}.unknownTicketType`;
  });
  const keptTypes = new Set(input.ticketTypes.map((t) => t.id));
  const droppedTypes = existing?.ticketTypes.filter((t) => !keptTypes.has(t.id)) ?? [];
  const soldTypes = droppedTypes.filter((t) => t._count.items + t._count.tickets > 0);
  if (soldTypes.length > 0) {
    fields.ticketTypes = `${E}.ticketTypeSold`;
    values.ticketTypes = { names: soldTypes.map((t) => t.nameZh).join(" / ") };
  }
  plan.ticketTypes.remove = droppedTypes.map((t) => t.id);

  const sessions = new Map(existing?.sessions.map((s) => [s.id, s]));
  input.sessions.forEach((s, i) => {
    const data = sessionData(s);
    if (!s.id) {
      plan.sessions.create.push(data);
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
    if (!sameSession(data, before)) plan.sessions.update.push({ id: s.id, index: i, data });
  });
  const keptSessions = new Set(input.sessions.map((s) => s.id));
  const droppedSessions = existing?.sessions.filter((s) => !keptSessions.has(s.id)) ?? [];
  const inUse = droppedSessions.filter((s) => s.reserved > 0 || Object.values(s._count).some((n) => n > 0));
  if (inUse.length > 0) {
    fields.sessions = `${E}.sessionsInUse`;
    values.sessions = { sessions: inUse.map(sessionWhen).join(", ") };
  }
  plan.sessions.remove = droppedSessions.map((s) => s.id);

  if (plan.published && (!input.ticketTypes.some((t) => t.active) || input.sessions.length === 0)) {
    fields._form = `${E}.publishedNeedsSales`;
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields, values);
  return plan;
}

/** A sale landed between the check and the write: say what it took. */
async function capacityConflict(tx: Tx, id: string, index: number): Promise<never> {
  const now = await tx.festivalSession.findUnique({ where: { id }, select: { reserved: true } });
  const field = `sessions.${index}.capacity`;
  throw new UserError(
    "errors.checkFields",
    { [field]: `${E}.capacityBelowReserved` },
    { [field]: { reserved: now?.reserved ?? 0 } },
  );
}

/**
 * Writes a checked plan in one transaction. Seats can still be sold meanwhile, so each
 * capacity change and each deletion is guarded in its own statement (capacity never
 * below `reserved`; only sessions and ticket types without orders are deleted); if a
 * guard fails, the whole save rolls back and says why. The audit entry, with what
 * changed, is written in the same transaction.
 */
export async function writeFestival(
  plan: FestivalPlan,
  actor: AuditActor,
): Promise<{ id: string; slug: string; previousSlug: string | null }> {
  try {
    const saved = await db.$transaction(
      async (tx) => {
        const before = plan.festivalId
          ? await tx.festival.findUnique({
              where: { id: plan.festivalId },
              include: { ticketTypes: true, sessions: true },
            })
          : null;
        if (plan.festivalId && !before) throw new UserError("errors.notFound");
        const festival = plan.festivalId
          ? await tx.festival.update({
              where: { id: plan.festivalId },
              data: plan.data,
              select: { id: true, slug: true },
            })
          : await tx.festival.create({
              data: { ...plan.data, status: "DRAFT", organisers: { create: [{ userId: plan.creatorId }] } },
              select: { id: true, slug: true },
            });
        const festivalId = festival.id;

        if (plan.ticketTypes.remove.length > 0) {
          const removed = await tx.ticketType.deleteMany({
            where: { id: { in: plan.ticketTypes.remove }, festivalId, items: { none: {} }, tickets: { none: {} } },
          });
          if (removed.count !== plan.ticketTypes.remove.length) throw new UserError(`${E}.changedMeanwhile`);
        }
        for (const t of plan.ticketTypes.update) {
          await tx.ticketType.updateMany({ where: { id: t.id, festivalId }, data: t.data });
        }
        if (plan.ticketTypes.create.length > 0) {
          await tx.ticketType.createMany({ data: plan.ticketTypes.create.map((t) => ({ ...t, festivalId })) });
        }

        if (plan.sessions.remove.length > 0) {
          const removed = await tx.festivalSession.deleteMany({
            where: {
              id: { in: plan.sessions.remove },
              festivalId,
              reserved: 0,
              items: { none: {} },
              pickupItems: { none: {} },
              tickets: { none: {} },
              holds: { none: {} },
            },
          });
          if (removed.count !== plan.sessions.remove.length) throw new UserError(`${E}.changedMeanwhile`);
        }
        for (const s of plan.sessions.update) {
          const changed = await tx.festivalSession.updateMany({
            where: { id: s.id, festivalId, reserved: { lte: s.data.capacity } },
            data: s.data,
          });
          if (changed.count !== 1) await capacityConflict(tx, s.id, s.index);
        }
        if (plan.sessions.create.length > 0) {
          await tx.festivalSession.createMany({ data: plan.sessions.create.map((s) => ({ ...s, festivalId })) });
        }
        await recordAudit(tx, actor, {
          action: before ? "festival.update" : "festival.create",
          entityType: "festival",
          entityId: festivalId,
          festivalId,
          changes: festivalChanges(before, plan),
        });
        return festival;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    // Orders read prices and sessions through a short cache: let them see this at once.
    forgetSaleFacts();
    return { ...saved, previousSlug: plan.previousSlug };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("errors.checkFields", { slug: `${E}.slugTaken` });
    // An order for a session or ticket type being deleted committed first.
    if (isForeignKeyViolation(error)) throw new UserError(`${E}.changedMeanwhile`);
    throw error;
  }
}

/**
 * Creates or updates a festival with its ticket types and sessions; new festivals start
 * as drafts. The actor is the signed-in organiser or admin: their festivals bound what
 * they may edit, and the audit log names them.
 */
export async function saveFestival(input: FestivalInput, actor: AuditActor) {
  const plan = await checkFestival(input, actor);
  const saved = await writeFestival(plan, actor);
  // After the commit: seats a raised capacity adds go to the sessions' waiting lists first.
  await passOnSeats(plan.sessions.update.map((s) => s.id));
  return saved;
}
