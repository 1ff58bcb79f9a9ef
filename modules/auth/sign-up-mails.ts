import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { type ComposedMail, layout } from "@/lib/mail/layout";

/** The link that makes the account of a sign-up, in the visitor's language. */
export function composeSignUpConfirmMail(
  account: { name: string; email: string },
  { locale, confirmUrl }: { locale: Locale; confirmUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  return layout(locale, {
    subject: t("email.signUp.subject"),
    greeting: t("email.greeting", { name: account.name }),
    paragraphs: [t("email.signUp.intro", { email: account.email }), t("email.signUp.ignore")],
    link: { label: t("email.signUp.button"), url: confirmUrl },
  });
}

/** Someone signed up with an address that already has an account: its owner is told how to get in. */
export function composeAccountExistsMail(
  account: { name: string; email: string },
  { locale, signInUrl, forgotUrl }: { locale: Locale; signInUrl: string; forgotUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  return layout(locale, {
    subject: t("email.accountExists.subject"),
    greeting: t("email.greeting", { name: account.name }),
    paragraphs: [
      t("email.accountExists.intro", { email: account.email }),
      t("email.accountExists.forgot", { url: forgotUrl }),
      t("email.accountExists.ignore"),
    ],
    link: { label: t("email.accountExists.button"), url: signInUrl },
  });
}
