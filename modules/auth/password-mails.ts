import { createFormatter } from "next-intl";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { type ComposedMail, layout } from "@/lib/mail/layout";

/** The mail with a password reset link, in the account's language. */
export function composePasswordResetMail(
  account: { name: string; email: string },
  { locale, resetUrl }: { locale: Locale; resetUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  return layout(locale, {
    subject: t("email.passwordReset.subject"),
    greeting: t("email.greeting", { name: account.name }),
    paragraphs: [t("email.passwordReset.intro", { email: account.email }), t("email.passwordReset.ignore")],
    link: { label: t("email.passwordReset.button"), url: resetUrl },
  });
}

/** Tells the owner their password changed, with a way back in if it was not them. Times are Suoqian's. */
export function composePasswordChangedMail(
  account: { name: string; email: string },
  { locale, changedAt, forgotUrl }: { locale: Locale; changedAt: Date; forgotUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  const time = format.dateTime(changedAt, { dateStyle: "medium", timeStyle: "short" });
  return layout(locale, {
    subject: t("email.passwordChanged.subject"),
    greeting: t("email.greeting", { name: account.name }),
    paragraphs: [t("email.passwordChanged.intro", { email: account.email, time }), t("email.passwordChanged.notYou")],
    link: { label: t("auth.forgot.title"), url: forgotUrl },
  });
}
