"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { saveProductAction } from "../actions";
import { FulfilmentFields } from "./product-editor/fulfilment-fields";
import { PhotoList } from "./product-editor/photo-list";
import { ProductDetails } from "./product-editor/product-details";
import type { FormView, ProductFormValues } from "./product-editor/types";

/** The farmer's product form: texts in both languages, price per unit, stock, season, how to get it, photos. */
export function ProductEditor({ initial, reserved }: { initial: ProductFormValues; reserved: number }) {
  const t = useTranslations("farmerProducts");
  const router = useRouter();
  const [images, setImages] = useState(initial.images);
  const [, startSave] = useTransition();
  const [state, action, saving] = useActionState<ActionState<{ id: string; slug: string }>, FormData>(
    saveProductAction,
    { status: "idle" },
  );
  useEffect(() => {
    if (state.status === "success" && !initial.id) router.replace(`/farmer/products/${state.data.id}`);
    else if (state.status === "success") router.refresh();
  }, [state, initial.id, router]);
  const errors = state.status === "error" ? state.fields : {};
  const form: FormView = {
    value: (name) =>
      state.status === "error" && name in state.values ? state.values[name] : String(initial[name] ?? ""),
    errors,
  };

  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={(event) => {
        // Submitted by hand rather than through `action`, so React does not reset the fields after a save.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startSave(() => action(data));
      }}
    >
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input type="hidden" name="images" value={JSON.stringify(images)} />
      <ProductDetails form={form} initialMadeToOrder={initial.madeToOrder} reserved={reserved} />
      <FulfilmentFields form={form} initial={initial} />

      <PhotoList images={images} onChange={setImages} error={errors.images} />

      {state.status === "error" ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-berry-600">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="text-brand-700">
          {t("saved")}
        </p>
      ) : null}
      <Button type="submit" disabled={saving}>
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
