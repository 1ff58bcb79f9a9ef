"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CATEGORIES, UNITS } from "../../product-schemas";
import { ProductArea, ProductChoice, ProductField } from "./product-fields";
import type { FormView } from "./types";

/** Texts in both languages, category and unit, price, stock (unless made to order) and season. */
export function ProductDetails({
  form,
  initialMadeToOrder,
  reserved,
}: {
  form: FormView;
  initialMadeToOrder: boolean;
  /** Units held or sold: the stock may not go below them. */
  reserved: number;
}) {
  const t = useTranslations("farmerProducts");
  const tc = useTranslations("shop");
  const [madeToOrder, setMadeToOrder] = useState(initialMadeToOrder);
  return (
    <section className="grid gap-4 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2">
      <ProductField name="nameZh" label={t("nameZh")} form={form} required maxLength={60} />
      <ProductField name="nameEn" label={t("nameEn")} form={form} maxLength={80} hint={t("nameEnHint")} />
      <ProductArea name="descriptionZh" label={t("descriptionZh")} form={form} />
      <ProductArea name="descriptionEn" label={t("descriptionEn")} form={form} />
      <ProductChoice
        name="category"
        label={t("category")}
        form={form}
        options={CATEGORIES.map((c) => ({ value: c, label: tc(`categories.${c}`) }))}
      />
      <ProductChoice
        name="unit"
        label={t("unit")}
        form={form}
        options={UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))}
      />
      <ProductField name="price" label={t("price")} form={form} inputMode="decimal" required hint={t("priceHint")} />
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="madeToOrder"
            checked={madeToOrder}
            onChange={(e) => setMadeToOrder(e.target.checked)}
          />
          {t("madeToOrder")}
        </label>
        {madeToOrder ? null : (
          <ProductField
            name="stock"
            label={t("stock")}
            form={form}
            inputMode="numeric"
            hint={reserved > 0 ? t("stockHint", { count: reserved }) : undefined}
          />
        )}
      </div>
      <ProductField
        name="availableFrom"
        label={t("availableFrom")}
        form={form}
        type="date"
        hint={t("availableFromHint")}
      />
      <ProductField name="availableUntil" label={t("availableUntil")} form={form} type="date" />
    </section>
  );
}
