import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";

const E = "adminFarmers.errors";

/** Roles that approval may turn into FARMER; anyone with more rights keeps them. */
const PROMOTABLE = ["VISITOR", "FARMER"] as const;

async function explainUnchanged(id: string): Promise<never> {
  const profile = await db.farmerProfile.findUnique({ where: { id }, select: { id: true } });
  throw new UserError(profile ? `${E}.alreadyDecided` : "errors.notFound");
}

/**
 * Approves a pending application: the profile becomes APPROVED and its user a
 * FARMER, together or not at all. An administrator or organiser is never demoted;
 * their application is refused with a message instead.
 */
export async function approveApplication(adminId: string, id: string): Promise<{ userId: string; name: string }> {
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
      data: { status: "APPROVED", rejectionReason: null, decidedAt: new Date(), decidedById: adminId },
    });
    if (decided.count !== 1) return false;
    // Guarded by the role too: a promotion to organiser in between must not be undone.
    const promoted = await tx.user.updateMany({
      where: { id: profile.userId, role: { in: [...PROMOTABLE] } },
      data: { role: "FARMER" },
    });
    if (promoted.count !== 1) throw new UserError(`${E}.notVisitor`);
    return true;
  });
  if (!approved) await explainUnchanged(id);
  return { userId: profile.userId, name: profile.displayName };
}

/** Rejects a pending application with a reason the applicant reads; they may apply again. */
export async function rejectApplication(adminId: string, id: string, reason: string): Promise<{ id: string }> {
  const decided = await db.farmerProfile.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "REJECTED", rejectionReason: reason, decidedAt: new Date(), decidedById: adminId },
  });
  if (decided.count !== 1) await explainUnchanged(id);
  return { id };
}
