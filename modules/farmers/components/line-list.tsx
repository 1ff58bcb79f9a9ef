import { getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import type { RefundableLineView } from "@/modules/orders/components/line-refund/types";
import { LineRefundPanel } from "@/modules/orders/components/line-refund-panel";
import { refundLineAction, retryLineRefundAction } from "../actions";
import type { FarmerLine } from "../order-line-queries";
import { LineCard } from "./line-card";
import { LineDetails } from "./line-details";

/** A line of the inbox with its refunds as the refund panel shows them. */
export type InboxRow = { line: FarmerLine; refunds: RefundableLineView };

/** The farmer's lines, each a card with its next steps and its refunds. */
export async function LineList({ rows, locale }: { rows: InboxRow[]; locale: string }) {
  const t = await getTranslations("farmerOrders");
  return (
    <>
      {rows.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {rows.map(({ line, refunds }) => (
          <LineCard
            key={line.id}
            code={line.order.code}
            itemId={line.id}
            method={line.fulfilmentMethod}
            status={line.fulfilmentStatus}
            title={
              <span className="font-medium">
                {pick({ zh: line.nameZh, en: line.nameEn }, locale)} × {line.quantity}
              </span>
            }
            footer={
              <LineRefundPanel
                // An order refunded as a whole takes no further refunds; its past ones stay listed.
                line={line.order.status === "REFUNDED" ? { ...refunds, centsLeft: 0 } : refunds}
                refund={refundLineAction}
                retry={retryLineRefundAction}
              />
            }
          >
            <LineDetails line={line} unit={refunds.unit} locale={locale} />
          </LineCard>
        ))}
      </ul>
    </>
  );
}
