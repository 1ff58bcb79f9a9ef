import { useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { allows, FULFILMENT_METHODS } from "@/modules/inventory/fulfilment";
import type { ProductDto } from "../product-queries";

/** How this product can reach the visitor, with what each way involves. */
export function FulfilmentList({ product }: { product: Pick<ProductDto, "fulfilment" | "workshop" | "currency"> }) {
  const t = useTranslations("shop.fulfilment");
  const locale = useLocale();
  const { fulfilment } = product;
  const detail = {
    workshop_pickup: product.workshop.openingHours.zh
      ? t("workshopHours", { hours: pick(product.workshop.openingHours, locale) })
      : "",
    festival_pickup: t("festivalNote"),
    delivery:
      fulfilment.deliveryFeeCents > 0
        ? t("deliveryFee", { fee: formatMoney(fulfilment.deliveryFeeCents, product.currency, locale) })
        : t("deliveryFree"),
  };
  return (
    <>
      <ul className="space-y-2" data-testid="fulfilment-options">
        {FULFILMENT_METHODS.filter((m) => allows(fulfilment, m)).map((m) => (
          <li key={m} className="rounded-lg bg-white p-3 shadow-sm" data-method={m}>
            <span className="block font-medium">{t(m)}</span>
            {detail[m] ? <span className="block text-sm text-stone-600">{detail[m]}</span> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-stone-500">{t("chooseLater")}</p>
    </>
  );
}
