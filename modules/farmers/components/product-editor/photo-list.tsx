"use client";
import { useTranslations } from "next-intl";
import { uploadProductPhotoAction } from "@/modules/media/actions";
import { imageSources } from "@/modules/media/images";
import { useImageUpload } from "@/modules/media/use-image-upload";
import { MAX_IMAGES } from "../../product-schemas";
import type { ProductFormValues } from "./types";

/** Photos: each upload is checked, resized and stored by the server; the first is the cover. */
export function PhotoList({
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
