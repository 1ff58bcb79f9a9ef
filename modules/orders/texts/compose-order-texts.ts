import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { type ComposedText, clipParam, textDateTime } from "@/lib/sms/format";

// The order's texts, each an approved template (lib/sms/settings.ts) and its parameters;
// the text is the catalogue's copy of the template filled in with the same parameters.
// A link is a parameter as the short path after the site's address ("o/SQ…/…"): the
// template holds the address itself, and a variable holds at most 35 characters.

type Bilingual = { zh: string; en: string };
type Options = { locale: Locale; siteUrl: string };

/** The first three ticket codes (what fits a template variable), "…" when there are more. */
function codesParam(codes: string[], locale: Locale): string {
  const shown = codes.slice(0, 3).join(locale === "en" ? ", " : "、");
  return codes.length > 3 ? `${shown}…` : shown;
}

/** The e-tickets of an order just paid: how many, their codes, and the short link to the QR codes. */
export function composeTicketsText(
  order: { code: string; ticketCodes: string[]; link: string },
  { locale, siteUrl }: Options,
): ComposedText {
  const params = {
    order: order.code,
    count: String(order.ticketCodes.length),
    codes: codesParam(order.ticketCodes, locale),
    link: order.link,
  };
  return { params, text: apiTranslator(locale)("texts.tickets", { ...params, url: `${siteUrl}/${order.link}` }) };
}

/** The evening before: which festival, when (Suoqian time) and the link to the tickets. */
export function composeReminderText(
  session: { festival: Bilingual; startsAt: Date; link: string },
  { locale, siteUrl }: Options,
): ComposedText {
  const params = {
    festival: clipParam(pick(session.festival, locale)),
    time: textDateTime(locale, session.startsAt),
    link: session.link,
  };
  return { params, text: apiTranslator(locale)("texts.reminder", { ...params, url: `${siteUrl}/${session.link}` }) };
}

/** Money paid back for an order (cancelled tickets, a refunded product line). */
export function composeRefundText(
  refund: { orderCode: string; amountCents: number; currency: string },
  { locale }: { locale: Locale },
): ComposedText {
  const params = { order: refund.orderCode, amount: formatMoney(refund.amountCents, refund.currency, locale) };
  return { params, text: apiTranslator(locale)("texts.refund", params) };
}

export type FarmerTextLine = { name: Bilingual; quantity: number; unit: "JIN" | "BOX" | "PORTION" | null };

/** A farmer's part of an order just paid: their products and how many, to pack. */
export function composeFarmerOrderText(
  order: { code: string; lines: FarmerTextLine[] },
  { locale }: { locale: Locale },
): ComposedText {
  const t = apiTranslator(locale);
  const separator = locale === "en" ? ", " : "、";
  const amount = (line: FarmerTextLine) => {
    const unit = line.unit ? t(`shop.units.${line.unit}`) : "";
    return locale === "en" ? `${line.quantity}${unit ? ` ${unit}` : ""}` : `${line.quantity}${unit}`;
  };
  const params = {
    product: clipParam(order.lines.map((line) => pick(line.name, locale)).join(separator)),
    quantity: clipParam(order.lines.map(amount).join(separator)),
    order: order.code,
  };
  return { params, text: t("texts.farmerOrder", params) };
}
