import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { orderShortPath } from "@/lib/order-links";
import { normaliseChineseMobile } from "@/lib/phone";
import { sendTextMessage, type TextOutcome } from "@/lib/sms/send";
import { composeWaitlistOfferText } from "./compose-offer-text";

/**
 * The offer by text to the entry's mobile number: the festival, the deadline and the short
 * link to pay. An offer made in quiet hours waits for 08:00 only if it still holds then.
 */
export async function sendWaitlistOfferText(entryId: string, now = new Date()): Promise<TextOutcome | null> {
  const entry = await db.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      status: true,
      locale: true,
      customerPhone: true,
      offerExpiresAt: true,
      session: { select: { festival: { select: { nameZh: true, nameEn: true } } } },
      order: { select: { id: true, code: true, expiresAt: true } },
    },
  });
  const to = entry ? normaliseChineseMobile(entry.customerPhone) : null;
  if (!entry?.order || entry.status !== "OFFERED" || !to) return null;
  const locale = isLocale(entry.locale) ? entry.locale : defaultLocale;
  const deadline = entry.offerExpiresAt ?? entry.order.expiresAt;
  const festival = { zh: entry.session.festival.nameZh, en: entry.session.festival.nameEn };
  const text = composeWaitlistOfferText(
    { festival, deadline, link: orderShortPath(entry.order) },
    { locale, siteUrl: env.siteUrl },
  );
  return sendTextMessage({ to, kind: "waitlistOffer", ...text, locale, now, expiresAt: deadline });
}
