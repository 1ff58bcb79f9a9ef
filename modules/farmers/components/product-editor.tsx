"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import type { ActionState } from "@/modules/auth/guards";
import { uploadProductPhotoAction } from "@/modules/media/actions";
import { imageSources } from "@/modules/media/images";
import { useImageUpload } from "@/modules/media/use-image-upload";
import { saveProductAction } from "../actions";
import { CATEGORIES, MAX_IMAGES, UNITS } from "../product-schemas";

export type ProductFormValues = {
  id?: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  category: string;
  unit: string;
  price: string;
  madeToOrder: boolean;
  stock: string;
  availableFrom: string;
  availableUntil: string;
  pickupAtWorkshop: boolean;
  pickupAtFestival: boolean;
  delivery: boolean;
  deliveryFee: string;
  images: { url: string; width: number; height: number }[];
};

const input =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600";

/** The farmer's product form: texts in both languages, price per unit, stock, season, how to get it, photos. */
export function ProductEditor({ initial, reserved }: { initial: ProductFormValues; reserved: number }) {
  const t = useTranslations("farmerProducts");
  const router = useRouter();
  const [images, setImages] = useState(initial.images);
  const [madeToOrder, setMadeToOrder] = useState(initial.madeToOrder);
  const [delivery, setDelivery] = useState(initial.delivery);
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
  const value = (name: keyof ProductFormValues) =>
    state.status === "error" && name in state.values ? state.values[name] : String(initial[name] ?? "");
  const field = (name: keyof ProductFormValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <div>
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <input
        id={`product-${name}`}
        name={name}
        defaultValue={value(name)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `product-${name}-error` : undefined}
        className={input}
        {...props}
      />
      {hint ? <p className="mt-1 text-stone-500 text-xs">{hint}</p> : null}
      {errors[name] ? (
        <p id={`product-${name}-error`} role="alert" className="mt-1 text-berry-600 text-sm">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  const area = (name: "descriptionZh" | "descriptionEn", label: string) => (
    <div className="sm:col-span-2">
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <textarea id={`product-${name}`} name={name} rows={3} defaultValue={value(name)} className={input} />
    </div>
  );
  const choice = (name: "category" | "unit", label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <select id={`product-${name}`} name={name} defaultValue={value(name)} className={input}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

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
      <section className="grid gap-4 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2">
        {field("nameZh", t("nameZh"), { required: true, maxLength: 60 })}
        {field("nameEn", t("nameEn"), { maxLength: 80 }, t("nameEnHint"))}
        {area("descriptionZh", t("descriptionZh"))}
        {area("descriptionEn", t("descriptionEn"))}
        {choice(
          "category",
          t("category"),
          CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
        )}
        {choice(
          "unit",
          t("unit"),
          UNITS.map((u) => ({ value: u, label: t(`units.${u}`) })),
        )}
        {field("price", t("price"), { inputMode: "decimal", required: true }, t("priceHint"))}
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
          {madeToOrder
            ? null
            : field(
                "stock",
                t("stock"),
                { inputMode: "numeric" },
                reserved > 0 ? t("stockHint", { count: reserved }) : undefined,
              )}
        </div>
        {field("availableFrom", t("availableFrom"), { type: "date" }, t("availableFromHint"))}
        {field("availableUntil", t("availableUntil"), { type: "date" })}
      </section>

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
          {delivery ? field("deliveryFee", t("deliveryFee"), { inputMode: "decimal" }) : null}
          {errors.pickupAtWorkshop ? (
            <p role="alert" className="text-berry-600 text-sm">
              {errors.pickupAtWorkshop}
            </p>
          ) : null}
        </div>
      </fieldset>

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

/** Photos: each upload is checked, resized and stored by the server; the first is the cover. */
function PhotoList({
  images,
  onChange,
  error,
}: {
  images: ProductFormValues["images"];
  onChange: (images: ProductFormValues["images"]) => void;
  error?: string;
}) {
  const t = useTranslations("farmerProducts");
  const { pending, message, upload } = useImageUpload(uploadProductPhotoAction, ({ url, width, height }) => {
    if (!images.some((i) => i.url === url)) onChange([...images, { url, width, height }]);
  });
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      <label htmlFor="product-photo" className="block font-medium">
        {t("photos")}
      </label>
      <p className="text-stone-500 text-xs">{t("photosHint", { max: MAX_IMAGES })}</p>
      <input
        id="product-photo"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        disabled={pending || images.length >= MAX_IMAGES}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload(file);
          e.target.value = "";
        }}
        className="block text-sm"
      />
      {pending ? <p className="text-sm text-stone-500">{t("uploading")}</p> : null}
      {message || error ? (
        <p role="alert" className="text-berry-600 text-sm">
          {message ?? error}
        </p>
      ) : null}
      <ul className="flex flex-wrap gap-3">
        {images.map((image, i) => (
          <li key={image.url} className="space-y-1">
            {/* biome-ignore lint/performance/noImgElement: stored uploads carry their own widths (srcSet) */}
            <img
              {...imageSources(image.url, "160px")}
              alt={t("photoAlt", { n: i + 1 })}
              className="h-28 w-28 rounded-lg object-cover"
              data-testid="photo-preview"
            />
            <button
              type="button"
              className="text-sm underline"
              onClick={() => onChange(images.filter((x) => x.url !== image.url))}
            >
              {t("removePhoto")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
