import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { type AuditActor, changedFields, recordAudit } from "@/modules/audit/record-audit";
import { isLastEnabledAdmin, lockAccounts } from "./admins";

type Role = AuditActor["role"];

const E = "adminUsers.errors";

/**
 * Gives an account another role, with an audit entry in the same transaction. An
 * administrator cannot change their own role, and the last enabled administrator
 * keeps theirs (checked under lock, see lockAccounts). A role is read afresh on
 * every request, so the change counts at once without ending the sessions.
 *
 * FARMER needs an approved farmer profile: without one the account could neither
 * sell nor apply (applying is for visitors). Demoting an organiser keeps their
 * FestivalOrganiser links: every organiser page and action asks the permission
 * table first, so the links grant nothing without the role, and a later promotion
 * gives them their festivals back.
 */
export async function changeRole(
  actor: AuditActor,
  userId: string,
  role: Role,
): Promise<{ id: string; role: Role; changed: boolean }> {
  if (userId === actor.id) throw new UserError(`${E}.self`);
  return db.$transaction(async (tx) => {
    const enabledAdmins = await lockAccounts(tx, userId, env.database.provider);
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, farmerProfile: { select: { status: true } } },
    });
    if (!before) throw new UserError("errors.notFound");
    if (before.role === role) return { id: userId, role, changed: false };
    if (role === "FARMER" && before.farmerProfile?.status !== "APPROVED") {
      throw new UserError(`${E}.farmerNeedsApproval`);
    }
    if (role !== "ADMIN" && isLastEnabledAdmin(enabledAdmins, userId)) throw new UserError(`${E}.lastAdmin`);
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select: { role: true } });
    await recordAudit(tx, actor, {
      action: "user.role",
      entityType: "user",
      entityId: userId,
      changes: changedFields({ role: before.role }, after, ["role"]),
    });
    return { id: userId, role: after.role, changed: true };
  });
}
