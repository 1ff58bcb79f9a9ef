import "server-only";
import { db } from "@/lib/db";
import { type FieldErrors, UserError } from "@/lib/user-error";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/**
 * Changes a signed-in user's password. The current one must be right; the new
 * hash and a higher session version are written in one update guarded by the old
 * hash, so of two changes at the same moment only the first counts, and every
 * session begun before it ends (the caller signs in again to keep its own).
 * Reset links still outstanding are voided with it.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<{ email: string | null }> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, passwordHash: true, disabledAt: true },
  });
  if (!user || user.disabledAt) throw new UserError("errors.signInRequired");

  const fields: FieldErrors = {};
  const currentRight = await verifyPassword(user.passwordHash, input.currentPassword);
  if (!currentRight) fields.currentPassword = "validation.password.wrongCurrent";
  const problem = passwordProblem(input.newPassword, user.email ?? undefined);
  if (problem) fields.newPassword = `validation.password.${problem}`;
  else if (currentRight && input.newPassword === input.currentPassword) {
    fields.newPassword = "validation.password.unchanged";
  }
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);

  const passwordHash = await hashPassword(input.newPassword);
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash, disabledAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    return true;
  });
  // Someone changed it first: the password given is no longer the current one.
  if (!changed) throw new UserError("errors.checkFields", { currentPassword: "validation.password.wrongCurrent" });
  return { email: user.email };
}
