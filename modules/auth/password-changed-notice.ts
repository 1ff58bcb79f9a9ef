import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { sendEmail } from "@/lib/mail/send";
import { forgotPasswordUrl } from "./links";
import { composePasswordChangedMail } from "./password-mails";

/**
 * Tells an account's owner, in their language, that its password has just changed
 * (by them on the account page, or with a reset link), so a change they did not
 * make does not go unnoticed.
 */
export async function sendPasswordChangedNotice(userId: string, changedAt = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  // An account with only a phone number has no mailbox to tell.
  if (!user?.email) return;
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const mail = composePasswordChangedMail(
    { name: user.name, email: user.email },
    { locale, changedAt, forgotUrl: forgotPasswordUrl(locale) },
  );
  await sendEmail({ to: user.email, ...mail });
}
