import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { type ComposedText, clipParam, textDateTime } from "@/lib/sms/format";

/**
 * The waiting-list offer as a text: which festival, the deadline to pay (Suoqian time) and
 * the short link to the held order ("o/SQ…/…" after the site's address, which the
 * approved template holds; a template variable takes at most 35 characters).
 */
export function composeWaitlistOfferText(
  offer: { festival: { zh: string; en: string }; deadline: Date; link: string },
  { locale, siteUrl }: { locale: Locale; siteUrl: string },
): ComposedText {
  const params = {
    festival: clipParam(pick(offer.festival, locale)),
    deadline: textDateTime(locale, offer.deadline),
    link: offer.link,
  };
  return {
    params,
    text: apiTranslator(locale)("texts.waitlistOffer", { ...params, url: `${siteUrl}/${offer.link}` }),
  };
}
