import "server-only";
import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { RefundableLineView } from "./components/line-refund/types";
import { LINE_REFUND_REASONS, type LineRefundReason, lineRemainder } from "./line-refund-rules";

const isReason = (reason: string | null): reason is LineRefundReason =>
  (LINE_REFUND_REASONS as readonly (string | null)[]).includes(reason);

type LineWithRefunds = {
  id: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  deliveryFeeCents: number;
  refundedQuantity: number;
  refundedCents: number;
  currency: string;
  product: { unit: "JIN" | "BOX" | "PORTION" } | null;
  refunds: {
    id: string;
    quantity: number;
    amountCents: number;
    reason: string | null;
    note: string | null;
    providerRef: string | null;
  }[];
};

/** A product line with its refunds, as the back office's refund panel shows it (texts in the page's language). */
export async function refundableLineView(line: LineWithRefunds, locale: string): Promise<RefundableLineView> {
  const t = await getTranslations("lineRefund");
  const ts = await getTranslations("shop");
  const money = (cents: number) => formatMoney(cents, line.currency, locale);
  const unit = line.product ? ts(`units.${line.product.unit}`) : "";
  const left = lineRemainder(line);
  return {
    itemId: line.id,
    unit,
    unitPrice: money(line.unitPriceCents),
    unitsLeft: left.units,
    centsLeft: left.cents,
    currency: line.currency,
    deliveryFee: line.deliveryFeeCents > 0 ? money(line.deliveryFeeCents) : null,
    refunds: line.refunds.map((r) => ({
      id: r.id,
      text:
        r.quantity > 0
          ? t("entryQuantity", { quantity: r.quantity, unit, amount: money(r.amountCents) })
          : t("entryAmount", { amount: money(r.amountCents) }),
      reason: t(`reasons.${isReason(r.reason) ? r.reason : "other"}`),
      note: r.note,
      confirmed: r.providerRef !== null,
    })),
  };
}
