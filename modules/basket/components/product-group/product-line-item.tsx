"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import type { Basket, ProductLine } from "../../basket";
import { BasketLineItem } from "../basket-line-item";

/** A product in the basket: its price per unit, and when a pre-order becomes available. */
export function ProductLineItem({
  basket,
  line,
  update,
  problem,
}: {
  basket: Basket;
  line: ProductLine;
  update: (change: (basket: Basket) => Basket) => void;
  problem?: string;
}) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <BasketLineItem
      basket={basket}
      line={line}
      update={update}
      name={pick(line.product.name, locale)}
      title={pick(line.product.name, locale)}
      detail={
        <>
          <span className="block text-sm text-stone-600">
            {t("perUnit", {
              price: formatMoney(line.product.priceCents, line.product.currency, locale),
              unit: t(`units.${line.product.unit}`),
            })}
          </span>
          {line.product.availableFrom && new Date(line.product.availableFrom) > new Date() ? (
            <span className="block text-amber-700 text-sm">
              {t("preOrder", {
                date: format.dateTime(new Date(line.product.availableFrom), { dateStyle: "medium" }),
              })}
            </span>
          ) : null}
        </>
      }
      price={formatMoney(line.quantity * line.product.priceCents, line.product.currency, locale)}
      problem={problem}
    />
  );
}
