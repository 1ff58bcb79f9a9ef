"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { type Basket, basketDeliveryFees, basketTotals } from "../../basket";

/** The courier fees (when any) and the total per currency, and what the order said of the items as a whole. */
export function BasketSummary({ basket, error }: { basket: Basket; error?: string }) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const totals = basketTotals(basket);
  const fees = [...basketDeliveryFees(basket).values()].reduce((a, b) => a + b, 0);
  const currency = totals[0]?.currency ?? "CNY";
  return (
    <section className="space-y-1 rounded-xl bg-white p-4 shadow-sm">
      {fees > 0 ? (
        <p className="flex justify-between text-sm text-stone-600">
          <span>{t("deliveryFees")}</span>
          <span data-testid="basket-fees">{formatMoney(fees, currency, locale)}</span>
        </p>
      ) : null}
      <p className="flex justify-between font-semibold">
        <span>{t("total")}</span>
        <span data-testid="basket-total">
          {totals.map((x) => formatMoney(x.cents, x.currency, locale)).join(" + ")}
        </span>
      </p>
      {error ? (
        <p className="text-berry-600 text-sm" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
