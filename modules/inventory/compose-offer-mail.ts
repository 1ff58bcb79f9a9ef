import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { mailDateTime, sessionTimeText } from "@/lib/mail/format";
import { type ComposedMail, layout } from "@/lib/mail/layout";
import { formatMoney } from "@/lib/money";

/** What a waiting-list mail says about the entry: whose, which festival, session, tickets. */
export type WaitlistMailEntry = {
  customerName: string;
  quantity: number;
  festival: { zh: string; en: string };
  ticketType: { zh: string; en: string };
  session: { startsAt: Date; endsAt: Date };
};

/** Seats are held for the entry until the deadline: what, until when, and the link to pay. */
export function composeWaitlistOffer(
  entry: WaitlistMailEntry,
  {
    locale,
    orderCode,
    totalCents,
    currency,
    expiresAt,
    payUrl,
  }: { locale: Locale; orderCode: string; totalCents: number; currency: string; expiresAt: Date; payUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  const festival = pick(entry.festival, locale);
  return layout(locale, {
    subject: t("email.waitlist.offerSubject", { festival }),
    greeting: t("email.greeting", { name: entry.customerName }),
    paragraphs: [
      t("email.waitlist.offerIntro", {
        festival,
        time: sessionTimeText(locale, entry.session),
        type: pick(entry.ticketType, locale),
        quantity: entry.quantity,
      }),
      t("email.waitlist.offerOrder", { code: orderCode, amount: formatMoney(totalCents, currency, locale) }),
      t("email.waitlist.offerDeadline", { deadline: mailDateTime(locale, expiresAt) }),
      t("email.waitlist.offerKeepLink"),
    ],
    link: { label: t("email.waitlist.offerButton"), url: payUrl },
  });
}
