"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ProductField } from "./product-fields";
import type { FormView, ProductFormValues } from "./types";

/** How the product reaches buyers: pickup at the workshop or a festival's gate, courier delivery (with its fee). */
export function FulfilmentFields({
  form,
  initial,
}: {
  form: FormView;
  initial: Pick<ProductFormValues, "pickupAtWorkshop" | "pickupAtFestival" | "delivery">;
}) {
  const t = useTranslations("farmerProducts");
  const [delivery, setDelivery] = useState(initial.delivery);
  return (
    <fieldset className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
      <legend className="float-left mb-2 font-medium">{t("fulfilment")}</legend>
      <div className="clear-both space-y-2">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="pickupAtWorkshop" defaultChecked={initial.pickupAtWorkshop} />
          {t("pickupAtWorkshop")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="pickupAtFestival" defaultChecked={initial.pickupAtFestival} />
          {t("pickupAtFestival")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="delivery" checked={delivery} onChange={(e) => setDelivery(e.target.checked)} />
          {t("delivery")}
        </label>
        {delivery ? <ProductField name="deliveryFee" label={t("deliveryFee")} form={form} inputMode="decimal" /> : null}
        {form.errors.pickupAtWorkshop ? (
          <p role="alert" className="text-berry-600 text-sm">
            {form.errors.pickupAtWorkshop}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
