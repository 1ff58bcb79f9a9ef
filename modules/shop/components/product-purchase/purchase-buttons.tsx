"use client";
import { useTranslations } from "next-intl";

/** "Add to basket" and "Buy now", both off when nothing can be bought. */
export function PurchaseButtons({ disabled, onAct }: { disabled: boolean; onAct: (action: "add" | "buy") => void }) {
  const t = useTranslations("shop");
  return (
    <div className="flex flex-wrap gap-3">
      <button
        type="button"
        disabled={disabled}
        onClick={() => onAct("add")}
        className="min-h-11 rounded-lg border border-brand-600 px-4 py-2 text-brand-700 disabled:opacity-50"
      >
        {t("product.addToBasket")}
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={() => onAct("buy")}
        className="min-h-11 rounded-lg bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50"
      >
        {t("product.buyNow")}
      </button>
    </div>
  );
}
