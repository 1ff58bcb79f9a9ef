import "server-only";
import { tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/user-error";
import { codeDigest, MAX_CODE_ATTEMPTS } from "./contact-code";
import type { ContactCodeInput } from "./schemas";

const E = "account.contacts.errors";

/**
 * Checks a code sent by requestContactCode. Each guess is counted first, by an
 * update guarded by the count, so guesses sent at once cannot exceed the limit;
 * after five wrong ones, or fifteen minutes, only a new code helps. The right code
 * marks the address verified: the account then lists the guest orders placed with it.
 */
export async function verifyContactCode(
  userId: string,
  input: ContactCodeInput,
  now = new Date(),
): Promise<{ channel: "EMAIL" | "PHONE"; address: string }> {
  const { channel, address, code } = input;
  const pending = await db.contactVerification.findFirst({
    where: { userId, channel, address, verifiedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true, attempts: true },
  });
  if (!pending || pending.expiresAt <= now) throw new UserError("errors.checkFields", { code: `${E}.expired` });
  const counted = await db.contactVerification.updateMany({
    where: { id: pending.id, verifiedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) throw new UserError("errors.checkFields", { code: `${E}.tooManyAttempts` });
  if (!tokenMatches(codeDigest(userId, channel, address, code), pending.codeHash)) {
    const left = MAX_CODE_ATTEMPTS - pending.attempts - 1;
    if (left <= 0) throw new UserError("errors.checkFields", { code: `${E}.tooManyAttempts` });
    throw new UserError("errors.checkFields", { code: `${E}.wrong` }, { code: { left } });
  }
  await db.contactVerification.updateMany({ where: { id: pending.id, verifiedAt: null }, data: { verifiedAt: now } });
  await adoptContact(userId, channel, address);
  return { channel, address };
}

/**
 * A proven address the account lacks becomes its own: an account made with a phone
 * number gets its e-mail (mails go there from now on), an e-mail account its sign-in
 * number. Not when another account already has it (one account per number or address).
 */
async function adoptContact(userId: string, channel: "EMAIL" | "PHONE", address: string): Promise<void> {
  const data = channel === "EMAIL" ? { email: address } : { verifiedPhone: address };
  const taken = await db.user.findFirst({ where: { ...data, id: { not: userId } }, select: { id: true } });
  if (taken) return;
  try {
    await db.user.updateMany({
      where: { id: userId, deletedAt: null, ...(channel === "EMAIL" ? { email: null } : { verifiedPhone: null }) },
      data,
    });
  } catch (error) {
    // Taken by another account at the same moment: the unique index decides, and this one goes without.
    if (!isUniqueViolation(error)) throw error;
  }
}
