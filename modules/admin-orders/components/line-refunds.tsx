import { getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { LineRefundPanel } from "@/modules/orders/components/line-refund-panel";
import { refundableLineView } from "@/modules/orders/line-refund-view";
import { adminRefundLineAction, adminRetryLineRefundAction } from "../actions";
import { orderProductLines } from "../line-refunds";

/** On an order's page, for admins: each product line with its refunds and the form to refund it. */
export async function AdminLineRefunds({ orderId, paid, locale }: { orderId: string; paid: boolean; locale: string }) {
  const lines = await orderProductLines(orderId);
  if (lines.length === 0) return null;
  const t = await getTranslations("adminOrders.lineRefunds");
  const tf = await getTranslations("farmerOrders");
  const views = await Promise.all(lines.map(async (line) => ({ line, view: await refundableLineView(line, locale) })));
  return (
    <section aria-labelledby="line-refunds-heading">
      <h2 id="line-refunds-heading" className="mb-2 font-semibold text-lg">
        {t("title")}
      </h2>
      <ul className="space-y-3">
        {views.map(({ line, view }) => (
          <li key={line.id} className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-admin-line={line.id}>
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">
                {pick({ zh: line.nameZh, en: line.nameEn }, locale)} × {line.quantity}
                <span className="block text-sm text-stone-600">{line.farmer?.displayName}</span>
              </span>
              <span className="text-sm">
                {formatMoney(line.totalCents + line.deliveryFeeCents, line.currency, locale)} ·{" "}
                {tf(`status.${line.fulfilmentStatus}`)}
              </span>
            </p>
            {paid || view.refunds.length > 0 ? (
              <LineRefundPanel
                line={paid ? view : { ...view, centsLeft: 0 }}
                refund={adminRefundLineAction}
                retry={adminRetryLineRefundAction}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
