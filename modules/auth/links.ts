import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";

// Links in account mails: Chinese at the bare path, English under /en, on the configured site URL.

const base = (locale: Locale) => `${env.siteUrl}${locale === "en" ? "/en" : ""}`;

/** The page where a reset link's token sets a new password. */
export function passwordResetUrl(token: string, locale: Locale): string {
  return `${base(locale)}/reset-password?token=${encodeURIComponent(token)}`;
}

/** Where to ask for a reset link. */
export function forgotPasswordUrl(locale: Locale): string {
  return `${base(locale)}/forgot-password`;
}

/** The page where a sign-up's link makes the account. */
export function signUpConfirmUrl(token: string, locale: Locale): string {
  return `${base(locale)}/sign-up/confirm?token=${encodeURIComponent(token)}`;
}

/** Signing in with an e-mail and a password. */
export function signInUrl(locale: Locale): string {
  return `${base(locale)}/sign-in?method=email`;
}
