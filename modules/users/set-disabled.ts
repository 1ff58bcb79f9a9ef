import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { UserError } from "@/lib/user-error";
import { type AuditActor, changedFields, recordAudit } from "@/modules/audit/record-audit";
import { isLastEnabledAdmin, lockAccounts } from "./admins";

const E = "adminUsers.errors";

/**
 * Disables an account or enables it again, with an audit entry in the same
 * transaction. Disabling also raises the session version, so every session of the
 * account ends at its next request (and signing in is refused while disabled);
 * enabling only lifts the ban, the old sessions stay ended. An administrator
 * cannot disable themselves, and the last enabled administrator is never disabled.
 * Asking for the state an account already has changes nothing. An account its owner
 * deleted stays disabled.
 */
export async function setDisabled(
  actor: AuditActor,
  userId: string,
  disabled: boolean,
): Promise<{ id: string; disabled: boolean; changed: boolean }> {
  if (userId === actor.id) throw new UserError(`${E}.self`);
  return db.$transaction(async (tx) => {
    const enabledAdmins = await lockAccounts(tx, userId, env.database.provider);
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { disabledAt: true, sessionVersion: true, deletedAt: true },
    });
    if (!before) throw new UserError("errors.notFound");
    // A deleted account has no owner any more: its personal fields are gone, and so is the way back.
    if (!disabled && before.deletedAt) throw new UserError(`${E}.deleted`);
    if ((before.disabledAt !== null) === disabled) return { id: userId, disabled, changed: false };
    if (disabled && isLastEnabledAdmin(enabledAdmins, userId)) throw new UserError(`${E}.lastAdmin`);
    const after = await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: { disabledAt: true, sessionVersion: true },
    });
    await recordAudit(tx, actor, {
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      changes: changedFields(before, after, ["disabledAt", "sessionVersion"]),
    });
    return { id: userId, disabled, changed: true };
  });
}
