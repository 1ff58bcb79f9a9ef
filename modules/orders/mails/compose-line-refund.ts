import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { type Bilingual, pick } from "@/lib/localized";
import { type ComposedMail, layout } from "@/lib/mail/layout";
import { formatMoney } from "@/lib/money";
import type { LineRefundReason } from "../line-refund-rules";

export type LineRefundMail = {
  order: { code: string; customerName: string; currency: string };
  farmer: string;
  product: Bilingual;
  unit: "JIN" | "BOX" | "PORTION" | null;
  /** Units given back; 0 for a refund by amount only. */
  quantity: number;
  amountCents: number;
  reason: LineRefundReason;
  note: string | null;
};

/** Tells the buyer what of their order was refunded, how much, and why, in the order's language. */
export function composeLineRefundMail(
  refund: LineRefundMail,
  { locale, orderUrl }: { locale: Locale; orderUrl: string },
): ComposedMail {
  const t = apiTranslator(locale);
  const amount = formatMoney(refund.amountCents, refund.order.currency, locale);
  const product = pick(refund.product, locale);
  const what =
    refund.quantity > 0
      ? t("email.lineRefund.byQuantity", {
          product,
          quantity: refund.quantity,
          unit: refund.unit ? t(`shop.units.${refund.unit}`) : "",
          amount,
        })
      : t("email.lineRefund.byAmount", { product, amount });
  return layout(locale, {
    subject: t("email.lineRefund.subject", { code: refund.order.code, amount }),
    greeting: t("email.greeting", { name: refund.order.customerName }),
    paragraphs: [
      t("email.lineRefund.intro", { farmer: refund.farmer, code: refund.order.code }),
      what,
      t("email.lineRefund.reason", { reason: t(`lineRefund.reasons.${refund.reason}`) }),
      ...(refund.note ? [t("email.lineRefund.note", { note: refund.note })] : []),
      t("email.lineRefund.timing"),
    ],
    link: { label: t("email.lineRefund.button"), url: orderUrl },
  });
}
