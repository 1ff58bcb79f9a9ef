import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import {
  composeWaitlistJoined,
  composeWaitlistOffer,
  type WaitlistMailEntry,
} from "@/modules/email/compose-waitlist-mails";
import { type EmailOutcome, sendEmail } from "@/modules/email/send";
import { orderPageUrl } from "@/modules/orders/links";
import { waitlistEntryUrl } from "./links";

async function loadEntry(entryId: string) {
  return db.waitlistEntry.findUnique({
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
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadEntry>>>;

function mailEntry(entry: Loaded): WaitlistMailEntry {
  return {
    customerName: entry.customerName,
    quantity: entry.quantity,
    festival: { zh: entry.session.festival.nameZh, en: entry.session.festival.nameEn },
    ticketType: { zh: entry.ticketType.nameZh, en: entry.ticketType.nameEn },
    session: { startsAt: entry.session.startsAt, endsAt: entry.session.endsAt },
  };
}

const localeOf = (entry: { locale: string }): Locale => (isLocale(entry.locale) ? entry.locale : defaultLocale);

/** The confirmation of joining: the place in the list and the link to leave it (the token is only ever in this mail). */
export async function sendWaitlistConfirmation(
  entryId: string,
  { position, leaveToken }: { position: number; leaveToken: string },
): Promise<EmailOutcome | null> {
  const entry = await loadEntry(entryId);
  if (!entry) return null;
  const locale = localeOf(entry);
  const mail = composeWaitlistJoined(mailEntry(entry), {
    locale,
    position,
    offerMinutes: env.waitlistOfferMinutes,
    leaveUrl: waitlistEntryUrl(entry.session.festival.slug, entry.id, leaveToken, locale),
  });
  return sendEmail({ to: entry.customerEmail, ...mail });
}

/** The offer: the seats, the deadline, and the order's own page (with its access token) where the buyer pays. */
export async function sendWaitlistOffer(entryId: string): Promise<EmailOutcome | null> {
  const entry = await loadEntry(entryId);
  if (!entry?.order || entry.status !== "OFFERED") return null;
  const locale = localeOf(entry);
  const mail = composeWaitlistOffer(mailEntry(entry), {
    locale,
    orderCode: entry.order.code,
    totalCents: entry.order.totalCents,
    currency: entry.order.currency,
    expiresAt: entry.offerExpiresAt ?? entry.order.expiresAt,
    payUrl: orderPageUrl(entry.order.id, locale),
  });
  return sendEmail({ to: entry.customerEmail, orderId: entry.order.id, ...mail });
}
