"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { addLine, PRODUCT_MAX_PER_ORDER } from "@/modules/basket/basket";
import { updateBasket } from "@/modules/basket/use-basket";
import type { ProductDto } from "../product-queries";
import { seasonOf } from "../season";
import { productLine } from "./product-purchase/product-line";
import { PurchaseButtons } from "./product-purchase/purchase-buttons";
import { ProductStatus } from "./product-status";
import { stockOf, useLiveStock } from "./use-live-stock";

/**
 * Stock read live (the page is served from cache), a quantity, and into the
 * basket. The order itself checks stock and price again; this only keeps a
 * visitor from asking for more than is left.
 */
export function ProductPurchase({ product, renderedAt }: { product: ProductDto; renderedAt: number }) {
  const t = useTranslations("shop");
  const locale = useLocale();
  const router = useRouter();
  const live = useLiveStock(useMemo(() => [product.id], [product.id]));
  const stock = stockOf(live, product.id);
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => setNow(new Date()), []);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  // A tap on "add" or "buy" before the live count has arrived, carried out once it has.
  const [pending, setPending] = useState<"add" | "buy" | null>(null);

  const season = seasonOf(product, now);
  // stock: undefined until the live count arrives, null when made to order. Until it arrives
  // the form looks as it will for a product in stock (most are), so the count arriving
  // restyles nothing; nothing goes into the basket before the count says it may.
  const known = stock !== undefined;
  const maxPerOrder = stock == null ? PRODUCT_MAX_PER_ORDER : Math.min(stock, PRODUCT_MAX_PER_ORDER);
  const buyable = season !== "over" && maxPerOrder > 0;
  const chosen = Math.min(quantity, maxPerOrder);
  const unit = t(`units.${product.unit}`);
  const name = pick(product.name, locale);

  function addToBasket(): boolean {
    if (!known || !buyable || chosen <= 0) return false;
    const line = productLine(product, chosen, maxPerOrder, season);
    updateBasket((basket) => addLine(basket, line));
    setQuantity(1);
    return true;
  }

  function act(action: "add" | "buy") {
    if (!known) {
      setPending(action);
      setAdded(false);
      return;
    }
    const ok = addToBasket();
    if (ok && action === "buy") router.push("/checkout");
    else setAdded(ok);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the count arrives.
  useEffect(() => {
    if (!known || pending === null) return;
    setPending(null);
    act(pending);
  }, [known]);

  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm" aria-label={t("product.addToBasket")}>
      <div className="flex flex-wrap items-center gap-2">
        <ProductStatus product={product} stock={stock} now={now} />
        {known ? null : <span className="text-sm text-stone-500">{t("checkingStock")}</span>}
      </div>
      <p className="text-sm text-stone-500">{t("product.liveNote")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-stone-600">{t("product.quantity")}</span>
        <QuantityStepper
          label={name}
          value={buyable ? chosen : 0}
          max={buyable ? maxPerOrder : 0}
          onChange={(value) => {
            setQuantity(value);
            setAdded(false);
          }}
        />
        <span className="text-sm text-stone-500">{unit}</span>
        <span className="ml-auto font-semibold" data-testid="purchase-total">
          {formatMoney((buyable ? chosen : 0) * product.priceCents, product.currency, locale)}
        </span>
      </div>
      {buyable ? <p className="text-sm text-stone-500">{t("product.limit", { count: maxPerOrder, unit })}</p> : null}
      <PurchaseButtons disabled={!buyable || chosen <= 0} onAct={act} />
      {added ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900 text-sm">
          {t("product.added")}{" "}
          <Link href="/checkout" className="underline">
            {t("product.goToCheckout")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
