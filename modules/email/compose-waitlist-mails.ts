import { createFormatter } from "next-intl";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { type ComposedMail, layout } from "./compose-password-mails";

/** What a waiting-list mail says about the entry: whose, which festival, session, tickets. */
export type WaitlistMailEntry = {
  customerName: string;
  quantity: number;
  festival: { zh: string; en: string };
  ticketType: { zh: string; en: string };
  session: { startsAt: Date; endsAt: Date };
};

function when(locale: Locale, session: WaitlistMailEntry["session"]): string {
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  const start = format.dateTime(session.startsAt, { dateStyle: "medium", timeStyle: "short" });
  const end = format.dateTime(session.endsAt, { timeStyle: "short" });
  return `${start}–${end}`;
}

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
        time: when(locale, entry.session),
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
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  const festival = pick(entry.festival, locale);
  return layout(locale, {
    subject: t("email.waitlist.offerSubject", { festival }),
    greeting: t("email.greeting", { name: entry.customerName }),
    paragraphs: [
      t("email.waitlist.offerIntro", {
        festival,
        time: when(locale, entry.session),
        type: pick(entry.ticketType, locale),
        quantity: entry.quantity,
      }),
      t("email.waitlist.offerOrder", { code: orderCode, amount: formatMoney(totalCents, currency, locale) }),
      t("email.waitlist.offerDeadline", {
        deadline: format.dateTime(expiresAt, { dateStyle: "medium", timeStyle: "short" }),
      }),
      t("email.waitlist.offerKeepLink"),
    ],
    link: { label: t("email.waitlist.offerButton"), url: payUrl },
  });
}
