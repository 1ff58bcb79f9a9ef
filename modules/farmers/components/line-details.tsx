import { getFormatter, getTranslations } from "next-intl/server";
import { PhoneLink } from "@/components/ui/phone-link";
import { formatMoney } from "@/lib/money";
import type { FarmerLine } from "../order-line-queries";
import { LineWhere } from "./line-where";

/** What a line card says: the order and its buyer, where the line goes, its amount, refunds and tracking. */
export async function LineDetails({ line, unit, locale }: { line: FarmerLine; unit: string; locale: string }) {
  const t = await getTranslations("farmerOrders");
  const tr = await getTranslations("lineRefund");
  const format = await getFormatter();
  return (
    <>
      <p className="text-sm text-stone-700">
        {t("order")} <span className="font-mono">{line.order.code}</span> · {t("customer")} {line.order.customerName}{" "}
        <PhoneLink phone={line.order.customerPhone} none={t("buyerGone")} />
        {line.order.paidAt
          ? ` · ${t("paidAt")} ${format.dateTime(line.order.paidAt, { dateStyle: "short", timeStyle: "short" })}`
          : ""}
      </p>
      <p className="text-sm text-stone-700">
        <LineWhere line={line} locale={locale} />
      </p>
      <p className="text-sm">
        {formatMoney(line.totalCents + line.deliveryFeeCents, line.currency, locale)}
        {line.refundedCents > 0 ? (
          <span className="text-berry-600" data-testid="line-refunded">
            {" "}
            ·{" "}
            {line.refundedQuantity > 0
              ? tr("refundedUnits", {
                  quantity: line.refundedQuantity,
                  unit,
                  amount: formatMoney(line.refundedCents, line.currency, locale),
                })
              : tr("refunded", { amount: formatMoney(line.refundedCents, line.currency, locale) })}
          </span>
        ) : null}
        {line.trackingNumber ? (
          <>
            {" "}
            · {t("tracking")} <span className="font-mono">{line.trackingNumber}</span>
          </>
        ) : null}
      </p>
    </>
  );
}
