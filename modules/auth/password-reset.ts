import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken, tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { sendEmail } from "@/lib/mail/send";
import { UserError } from "@/lib/user-error";
import { passwordResetUrl } from "./links";
import { hashPassword, passwordProblem } from "./password";
import { composePasswordResetMail } from "./password-mails";

/** How long a reset link works. */
export const RESET_LINK_VALID_MS = 60 * 60 * 1000;

/** 32 random bytes, base64url without padding. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

const INVALID_LINK = "auth.reset.invalidLink";

/**
 * Mails a single-use reset link, valid one hour, to the account with this e-mail,
 * in the account's language. For an unknown or disabled address the same token
 * and mail are made and then dropped: nothing is stored or sent, and the caller
 * answers the same either way. Only the token's SHA-256 is stored.
 */
export async function requestPasswordReset(email: string, locale: Locale, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, disabledAt: true },
  });
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const mailLocale = user && isLocale(user.locale) ? user.locale : locale;
  const mail = composePasswordResetMail(
    { name: user?.name ?? email, email },
    { locale: mailLocale, resetUrl: passwordResetUrl(token, mailLocale) },
  );
  if (!user?.email || user.disabledAt) return;
  await db.passwordReset.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(now.getTime() + RESET_LINK_VALID_MS) },
  });
  await sendEmail({ to: user.email, ...mail });
}

/** The unused, unexpired reset a token stands for, with its account; null for anything else. */
async function usableReset(token: string, now: Date) {
  if (!TOKEN_FORMAT.test(token)) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      tokenHash: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, disabledAt: true } },
    },
  });
  // The lookup goes by the SHA-256 of a 256-bit random token, so its timing tells a
  // guesser nothing; the match is confirmed in constant time all the same.
  if (!reset || !tokenMatches(token, reset.tokenHash)) return null;
  if (reset.usedAt || reset.expiresAt <= now || reset.user.disabledAt) return null;
  return reset;
}

/** Whether a reset link still works, so its page can say so before anyone types a password. */
export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  return (await usableReset(token, now)) !== null;
}

/**
 * Sets a new password with a reset link's token, once: the token is claimed by an
 * update guarded by its being unused and unexpired, and in the same transaction
 * the password changes, the session version rises (every session ends) and the
 * account's other unused links are voided. A used, expired or unknown token is
 * refused with one message; a weak password leaves the token unused.
 */
export async function resetPassword(
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<{ userId: string; email: string | null }> {
  const reset = await usableReset(token, now);
  if (!reset) throw new UserError(INVALID_LINK);
  const problem = passwordProblem(newPassword, reset.user.email ?? undefined);
  if (problem) throw new UserError("errors.checkFields", { newPassword: `validation.password.${problem}` });

  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash: reset.tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new UserError(INVALID_LINK);
    const changed = await tx.user.updateMany({
      where: { id: reset.userId, disabledAt: null },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (changed.count !== 1) throw new UserError(INVALID_LINK);
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
  });
  return { userId: reset.userId, email: reset.user.email };
}
