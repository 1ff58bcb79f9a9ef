import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";

const E = "adminFarmers.errors";

/** Roles that approval may turn into FARMER; anyone with more rights keeps them. */
const PROMOTABLE = ["VISITOR", "FARMER"] as const;

async function explainUnchanged(id: string): Promise<never> {
  const profile = await db.farmerProfile.findUnique({ where: { id }, select: { id: true } });
  throw new UserError(profile ? `${E}.alreadyDecided` : "errors.notFound");
}

/**
 * Approves a pending application: the profile becomes APPROVED and its user a
 * FARMER, together or not at all (and with the audit entry naming the deciding
 * admin). An administrator or organiser is never demoted; their application is
 * refused with a message instead.
 */
export async function approveApplication(actor: AuditActor, id: string): Promise<{ userId: string; name: string }> {
  const profile = await db.farmerProfile.findUnique({
    where: { id },
    select: { status: true, displayName: true, userId: true, user: { select: { role: true } } },
  });
  if (!profile) throw new UserError("errors.notFound");
  if (profile.status !== "PENDING") throw new UserError(`${E}.alreadyDecided`);
  if (!(PROMOTABLE as readonly string[]).includes(profile.user.role)) throw new UserError(`${E}.notVisitor`);

  const approved = await db.$transaction(async (tx) => {
    const decided = await tx.farmerProfile.updateMany({
      where: { id, status: "PENDING" },
      data: { status: "APPROVED", rejectionReason: null, decidedAt: new Date(), decidedById: actor.id },
    });
    if (decided.count !== 1) return false;
    // Guarded by the role too: a promotion to organiser in between must not be undone.
    const promoted = await tx.user.updateMany({
      where: { id: profile.userId, role: { in: [...PROMOTABLE] } },
      data: { role: "FARMER" },
    });
    if (promoted.count !== 1) throw new UserError(`${E}.notVisitor`);
    await recordAudit(tx, actor, {
      action: "farmer.approve",
      entityType: "farmer",
      entityId: id,
      changes: {
        status: { from: "PENDING", to: "APPROVED" },
        role: { from: profile.user.role, to: "FARMER" },
      },
    });
    return true;
  });
  if (!approved) await explainUnchanged(id);
  return { userId: profile.userId, name: profile.displayName };
}

/** Rejects a pending application with a reason the applicant reads; they may apply again. */
export async function rejectApplication(
  actor: AuditActor,
  id: string,
  reason: string,
): Promise<{ id: string; userId: string }> {
  const rejected = await db.$transaction(async (tx) => {
    const decided = await tx.farmerProfile.updateMany({
      where: { id, status: "PENDING" },
      data: { status: "REJECTED", rejectionReason: reason, decidedAt: new Date(), decidedById: actor.id },
    });
    if (decided.count !== 1) return null;
    const { userId } = await tx.farmerProfile.findUniqueOrThrow({ where: { id }, select: { userId: true } });
    await recordAudit(tx, actor, {
      action: "farmer.reject",
      entityType: "farmer",
      entityId: id,
      changes: { status: { from: "PENDING", to: "REJECTED" }, reason },
    });
    return userId;
  });
  if (!rejected) return explainUnchanged(id);
  return { id, userId: rejected };
}
