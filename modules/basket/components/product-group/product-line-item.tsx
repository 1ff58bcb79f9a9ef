"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { parseWallMinute } from "@/lib/dates";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { momentParts } from "@/lib/session-time";
import { type Basket, fulfilmentFor, type ProductLine } from "../../basket";
import { BasketLineItem } from "../basket-line-item";

/** A product in the basket: its price per unit, when a pre-order becomes available, and the planned pickup time. */
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
  const pickupAt = line.pickupAt ? parseWallMinute(line.pickupAt) : null;
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
          {pickupAt && fulfilmentFor(basket, line.workshop.slug).method === "workshop_pickup" ? (
            <span className="block text-sm text-stone-600" data-testid="basket-pickup-at">
              {t("pickupAt", momentParts(format, pickupAt))}
            </span>
          ) : null}
        </>
      }
      price={formatMoney(line.quantity * line.product.priceCents, line.product.currency, locale)}
      problem={problem}
    />
  );
}
