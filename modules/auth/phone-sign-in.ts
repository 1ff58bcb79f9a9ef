import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { maskPhone, normaliseChineseMobile } from "@/lib/phone";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";
import { AccountDisabledError, type AuthenticatedUser } from "./authenticate";
import { checkPhoneCode, spendPhoneCode } from "./phone-codes";

// Signing in with a mobile number and a texted code (next-auth's "phone" provider,
// beside the e-mail one). The first time a number signs in, its account is made, as on
// every Chinese app; the visitor agreed to the privacy notice on the same form. The
// account lists the guest orders placed with the number: it has just proved it is theirs.

/** Why a phone sign-in failed, as next-auth passes it to the browser (`error`). */
export class PhoneSignInError extends Error {
  constructor(
    readonly reason: "CodeWrong" | "CodeExpired" | "CodeLocked" | "ConsentRequired" | "PhoneInvalid",
    readonly left?: number,
  ) {
    super(left === undefined ? reason : `${reason}:${left}`);
  }
}

const credentialsSchema = z.object({
  phone: z.string().max(32),
  code: z.string().max(16),
  privacyConsent: z.string().max(32).optional(),
  locale: z.string().max(8).optional(),
});

/** A password hash no password matches: an account made with a phone number has no password. */
export const NO_PASSWORD = "!";

const SELECT = { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } as const;

async function accountFor(phone: string, consent: string | undefined, locale: string, now: Date, codeId: string) {
  const found = await db.user.findUnique({ where: { verifiedPhone: phone }, select: SELECT });
  // A new account needs the consent; the code stays usable until the form comes back with it.
  if (!found && consent !== PRIVACY_NOTICE_VERSION) throw new PhoneSignInError("ConsentRequired");
  if (!(await spendPhoneCode(codeId, now))) throw new PhoneSignInError("CodeExpired");
  if (found) return found;
  try {
    return await db.user.create({
      data: {
        email: null,
        name: maskPhone(phone),
        phone,
        verifiedPhone: phone,
        passwordHash: NO_PASSWORD,
        role: "VISITOR",
        locale,
        privacyConsentVersion: consent,
        privacyConsentAt: now,
      },
      select: SELECT,
    });
  } catch (error) {
    // The same number signing up twice at once: the unique index decides; the other one signs in.
    if (!isUniqueViolation(error)) throw error;
    return db.user.findUniqueOrThrow({ where: { verifiedPhone: phone }, select: SELECT });
  }
}

/** The account a number and its code open (made on first use); throws PhoneSignInError or AccountDisabledError. */
export async function authorizePhone(input: unknown, now = new Date()): Promise<AuthenticatedUser> {
  const parsed = credentialsSchema.safeParse(input);
  const phone = parsed.success ? normaliseChineseMobile(parsed.data.phone) : null;
  if (!parsed.success || !phone) throw new PhoneSignInError("PhoneInvalid");
  // Checked first, spent only once the rest holds: only the holder of the right code learns anything.
  const checked = await checkPhoneCode(phone, parsed.data.code.trim(), now, { spend: false });
  if (!checked.ok) {
    if (checked.reason === "wrong") throw new PhoneSignInError("CodeWrong", checked.left);
    throw new PhoneSignInError(checked.reason === "locked" ? "CodeLocked" : "CodeExpired");
  }
  const locale = isLocale(parsed.data.locale ?? "") ? (parsed.data.locale as string) : defaultLocale;
  const user = await accountFor(phone, parsed.data.privacyConsent, locale, now, checked.id);
  if (user.disabledAt) throw new AccountDisabledError();
  await rememberVerifiedPhone(user.id, phone, now);
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Records the number as proved by the account, as a verified contact does: the
 * account's orders then include the guest orders placed with it.
 */
export async function rememberVerifiedPhone(userId: string, phone: string, now = new Date()): Promise<void> {
  const known = await db.contactVerification.findFirst({
    where: { userId, channel: "PHONE", address: phone, verifiedAt: { not: null } },
    select: { id: true },
  });
  if (known) return;
  await db.contactVerification.create({
    data: { userId, channel: "PHONE", address: phone, codeHash: "", expiresAt: now, verifiedAt: now },
  });
}
