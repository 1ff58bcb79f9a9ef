import { useTranslations } from "next-intl";
import type { retryRefundAction } from "../actions";
import { ActionFeedback } from "./action-feedback";

export type Refund = { id: string; amount: string; createdAt: string; confirmed: boolean };

/** The order's refunds; one the payment provider has not confirmed can be sent again. */
export function RefundList({
  orderId,
  refunds,
  retry,
}: {
  orderId: string;
  refunds: Refund[];
  retry: { state: Awaited<ReturnType<typeof retryRefundAction>>; submit: (data: FormData) => void; pending: boolean };
}) {
  const t = useTranslations("bookings");
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("refunds")}</h2>
      <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
        {refunds.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
            <span>
              {r.amount} · {r.createdAt} · {r.confirmed ? t("refundConfirmed") : t("refundPending")}
            </span>
            {r.confirmed ? null : (
              <form action={retry.submit}>
                <input type="hidden" name="orderId" value={orderId} />
                <input type="hidden" name="refundId" value={r.id} />
                <button type="submit" disabled={retry.pending} className="text-brand-700 underline">
                  {t("retryRefund")}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <ActionFeedback state={retry.state} success={t("refundConfirmed")} />
    </section>
  );
}
