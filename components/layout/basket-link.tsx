"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { basketCount } from "@/modules/basket/basket";
import { useBasket } from "@/modules/basket/use-basket";

/**
 * The basket in the header, with how many items it holds. Named by its content
 * ("购物篮 2 件": the word and the unit for screen readers, the visible count between),
 * so the name a voice user says contains the number they see.
 */
export function BasketLink() {
  const t = useTranslations("basket");
  const [basket] = useBasket();
  const count = basket ? basketCount(basket) : 0;
  return (
    <Link href="/checkout" className="tap relative rounded text-stone-700 hover:bg-brand-50" data-testid="basket-link">
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M5 8h14l-1.5 11h-11z" />
        <path d="M9 8V6a3 3 0 0 1 6 0v2" />
      </svg>
      <span className="sr-only">{t("link")} </span>
      {count > 0 ? (
        <>
          <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-berry-600 px-1 text-center text-[10px] text-white leading-4">
            {count}
          </span>
          <span className="sr-only"> {count === 1 ? t("linkCountOne") : t("linkCountMany")}</span>
        </>
      ) : null}
    </Link>
  );
}
