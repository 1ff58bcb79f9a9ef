import "server-only";
import { db } from "@/lib/db";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import type { Tx } from "@/modules/inventory/capacity";
import { passOnSeats } from "@/modules/inventory/offer-returned-seats";
import { forgetSaleFacts } from "@/modules/inventory/sale-facts";
import { checkFestival, E, type FestivalPlan } from "./check-festival";
import { festivalChanges } from "./festival-changes";
import type { FestivalInput } from "./schemas";

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
