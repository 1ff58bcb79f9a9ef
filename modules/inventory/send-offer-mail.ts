import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { type EmailOutcome, sendEmail } from "@/lib/mail/send";
import { orderPageUrl } from "@/lib/order-links";
import { composeWaitlistOffer, type WaitlistMailEntry } from "./compose-offer-mail";

/** A waiting-list entry as its mails need it (the offer here, the joining confirmation in modules/waitlist). */
export async function loadWaitlistMailEntry(entryId: string) {
  const entry = await db.waitlistEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      status: true,
      quantity: true,
      locale: true,
      customerName: true,
      customerEmail: true,
      offerExpiresAt: true,
      ticketType: { select: { nameZh: true, nameEn: true } },
      session: {
        select: { startsAt: true, endsAt: true, festival: { select: { slug: true, nameZh: true, nameEn: true } } },
      },
      order: { select: { id: true, code: true, totalCents: true, currency: true, expiresAt: true } },
    },
  });
  if (!entry) return null;
  const locale: Locale = isLocale(entry.locale) ? entry.locale : defaultLocale;
  const mail: WaitlistMailEntry = {
    customerName: entry.customerName,
    quantity: entry.quantity,
    festival: { zh: entry.session.festival.nameZh, en: entry.session.festival.nameEn },
    ticketType: { zh: entry.ticketType.nameZh, en: entry.ticketType.nameEn },
    session: { startsAt: entry.session.startsAt, endsAt: entry.session.endsAt },
  };
  return { ...entry, locale, mail };
}

/** The offer: the seats, the deadline, and the order's own page (with its access token) where the buyer pays. */
export async function sendWaitlistOffer(entryId: string): Promise<EmailOutcome | null> {
  const entry = await loadWaitlistMailEntry(entryId);
  if (!entry?.order || entry.status !== "OFFERED") return null;
  const mail = composeWaitlistOffer(entry.mail, {
    locale: entry.locale,
    orderCode: entry.order.code,
    totalCents: entry.order.totalCents,
    currency: entry.order.currency,
    expiresAt: entry.offerExpiresAt ?? entry.order.expiresAt,
    payUrl: orderPageUrl(entry.order.id, entry.locale),
  });
  return sendEmail({ to: entry.customerEmail, orderId: entry.order.id, ...mail });
}
