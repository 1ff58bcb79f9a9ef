import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The entry's own page, from the confirmation mail: where the visitor sees their place
 * and leaves the list. The token is the entry's secret (only its hash is stored).
 */
export function waitlistEntryUrl(slug: string, entryId: string, token: string, locale: Locale): string {
  return `${env.siteUrl}${locale === "en" ? "/en" : ""}/festivals/${slug}/waitlist/${entryId}?token=${encodeURIComponent(token)}`;
}
