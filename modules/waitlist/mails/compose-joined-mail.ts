import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { sessionTimeText } from "@/lib/mail/format";
import { type ComposedMail, layout } from "@/lib/mail/layout";
import type { WaitlistMailEntry } from "@/modules/inventory/compose-offer-mail";

/** "You are number N on the waiting list", with the link to see the entry or leave the list. */
export function composeWaitlistJoined(
  entry: WaitlistMailEntry,
  {
    locale,
    position,
    offerMinutes,
    leaveUrl,
  }: { locale: Locale; position: number; offerMinutes: number; leaveUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  const festival = pick(entry.festival, locale);
  return layout(locale, {
    subject: t("email.waitlist.joinedSubject", { festival }),
    greeting: t("email.greeting", { name: entry.customerName }),
    paragraphs: [
      t("email.waitlist.joinedIntro", {
        festival,
        time: sessionTimeText(locale, entry.session),
        type: pick(entry.ticketType, locale),
        quantity: entry.quantity,
      }),
      t("email.waitlist.position", { position }),
      t("email.waitlist.howOffers", { minutes: offerMinutes }),
      t("email.waitlist.leaveHint"),
    ],
    link: { label: t("email.waitlist.leaveButton"), url: leaveUrl },
  });
}
