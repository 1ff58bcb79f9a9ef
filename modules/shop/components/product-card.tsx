import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { chineseOnly, type ProductCardData } from "../presenters";
import { ProductPhoto } from "./product-photo";
import { ProductStatus } from "./product-status";

/** Half the width on a phone in two columns, a third on wider screens. */
const CARD_SIZES = "(min-width: 1024px) 320px, (min-width: 640px) 33vw, 50vw";

export function ProductCard({ product, stock, now }: { product: ProductCardData; stock?: number | null; now: Date }) {
  const t = useTranslations("shop");
  const locale = useLocale();
  const name = pick(product.name, locale);
  const workshop = pick(product.workshop.name, locale);
  const farmer = chineseOnly(product.farmer, locale);
  return (
    <article
      className="flex h-full flex-col overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm"
      data-product={product.slug}
    >
      <Link href={`/shop/products/${product.slug}`} className="block">
        <ProductPhoto
          image={product.image}
          alt={name}
          name={name}
          category={product.category}
          sizes={CARD_SIZES}
          className="aspect-[4/3] w-full"
        />
      </Link>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <span className="text-stone-500 text-xs">{t(`categories.${product.category}`)}</span>
        <h3 className="font-semibold leading-snug">
          <Link href={`/shop/products/${product.slug}`} className="hover:underline">
            {name}
          </Link>
        </h3>
        <p className="font-semibold text-brand-700" data-testid="product-price">
          {t("pricePerUnit", {
            price: formatMoney(product.priceCents, product.currency, locale),
            unit: t(`units.${product.unit}`),
          })}
        </p>
        <p className="text-stone-600 text-xs">{farmer ? t("farmerAt", { farmer, workshop }) : workshop}</p>
        <div className="mt-auto pt-1">
          <ProductStatus product={product} stock={stock} now={now} />
        </div>
      </div>
    </article>
  );
}
