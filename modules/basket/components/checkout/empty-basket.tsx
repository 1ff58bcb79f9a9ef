"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** Nothing in the basket: where to find something. */
export function EmptyBasket() {
  const t = useTranslations("basket");
  return (
    <div className="space-y-3 rounded-xl bg-white p-6 text-center shadow-sm">
      <p data-testid="basket-empty">{t("empty")}</p>
      <p className="flex justify-center gap-4">
        <Link href="/festivals" className="text-brand-700 underline">
          {t("browseFestivals")}
        </Link>
        <Link href="/shop" className="text-brand-700 underline">
          {t("browseShop")}
        </Link>
      </p>
    </div>
  );
}
