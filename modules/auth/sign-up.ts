import "server-only";
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/codes";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { sendEmail } from "@/lib/mail/send";
import { UserError } from "@/lib/user-error";
import { forgotPasswordUrl, signInUrl, signUpConfirmUrl } from "./links";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";
import { composeAccountExistsMail, composeSignUpConfirmMail } from "./sign-up-mails";

// Signing up with an e-mail and a password answers the same whether or not the address
// already has an account: "open the link we mailed". A new address gets the link that
// makes the account; a taken one gets a mail telling its owner how to sign in or reset the
// password (as a reset request does). So the form tells nobody who has an account here.

export const SIGN_UP_LINK_VALID_MS = 60 * 60_000;

/** Mails the sign-up's link (new address) or the "you already have an account" mail (taken). Call it after answering. */
export async function requestSignUp(input: SignUpInput, locale: Locale, now = new Date()): Promise<void> {
  // Hashed either way, so the work done does not depend on the address.
  const passwordHash = await hashPassword(input.password);
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { name: true, locale: true } });
  if (taken) {
    const mailLocale = isLocale(taken.locale) ? taken.locale : locale;
    const mail = composeAccountExistsMail(
      { name: taken.name, email: input.email },
      { locale: mailLocale, signInUrl: signInUrl(mailLocale), forgotUrl: forgotPasswordUrl(mailLocale) },
    );
    await sendEmail({ to: input.email, ...mail });
    return;
  }
  const token = randomBytes(32).toString("base64url");
  await db.pendingSignUp.create({
    data: {
      email: input.email,
      name: input.name,
      phone: input.phone,
      passwordHash,
      locale,
      privacyConsentVersion: input.privacyConsent,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_VALID_MS),
      createdAt: now,
    },
  });
  const mail = composeSignUpConfirmMail(
    { name: input.name, email: input.email },
    { locale, confirmUrl: signUpConfirmUrl(token, locale) },
  );
  await sendEmail({ to: input.email, ...mail });
}

const INVALID_LINK = "auth.signUpConfirm.invalidLink";

/**
 * Makes the account of a sign-up whose link was opened (unexpired, once), with the
 * password chosen then, and forgets every other pending sign-up of the address. An
 * address that got an account meanwhile keeps it: the link then only says so.
 */
export async function confirmSignUp(token: string, now = new Date()): Promise<{ id: string; email: string }> {
  const pending = await db.pendingSignUp.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!pending || pending.expiresAt <= now) throw new UserError(INVALID_LINK);
  const claimed = await db.pendingSignUp.deleteMany({ where: { id: pending.id } });
  if (claimed.count !== 1) throw new UserError(INVALID_LINK);
  await db.pendingSignUp.deleteMany({ where: { email: pending.email } });
  try {
    const created = await db.user.create({
      data: {
        email: pending.email,
        name: pending.name,
        phone: pending.phone,
        passwordHash: pending.passwordHash,
        role: "VISITOR",
        locale: isLocale(pending.locale) ? pending.locale : defaultLocale,
        privacyConsentVersion: pending.privacyConsentVersion,
        privacyConsentAt: pending.createdAt,
      },
      select: { id: true },
    });
    return { id: created.id, email: pending.email };
  } catch (error) {
    // The address got an account meanwhile (another link, at the same moment): sign in to that one.
    if (isUniqueViolation(error)) throw new UserError("auth.signUpConfirm.taken");
    throw error;
  }
}
