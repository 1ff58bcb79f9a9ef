"use client";
import { useTranslations } from "next-intl";
import type { LineRefundResult } from "../refund-order-line";
import { RefundEntry } from "./line-refund/refund-entry";
import { RefundForm } from "./line-refund/refund-form";
import type { Action, RefundableLineView } from "./line-refund/types";

/**
 * The refunds of a product line (with a retry for one the provider has not
 * confirmed) and the form for another: by units or by an amount, with a reason.
 * The farmer's inbox and the admin's order page pass their own actions.
 */
export function LineRefundPanel({
  line,
  refund,
  retry,
}: {
  line: RefundableLineView;
  refund: Action<LineRefundResult>;
  retry: Action<{ confirmed: true }>;
}) {
  const t = useTranslations("lineRefund");
  return (
    <div className="space-y-2 text-sm" data-testid="line-refunds">
      {line.refunds.length > 0 ? (
        <ul className="space-y-1" aria-label={t("history")}>
          {line.refunds.map((r) => (
            <RefundEntry key={r.id} entry={r} retry={retry} />
          ))}
        </ul>
      ) : null}
      {line.centsLeft > 0 ? (
        <RefundForm line={line} refund={refund} />
      ) : (
        <p className="text-stone-500">{t("nothingLeft")}</p>
      )}
    </div>
  );
}
