"use client";
import { useTranslations } from "next-intl";
import { uploadRouteCoverAction } from "@/modules/media/actions";
import { imageSources } from "@/modules/media/images";
import { useImageUpload } from "@/modules/media/use-image-upload";

/** Uploads a cover photo (checked, resized and stored by the server) and reports its URL. */
export function CoverUpload({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (url: string) => void;
  error?: string;
}) {
  const t = useTranslations("adminRoutes");
  const { pending, message, upload } = useImageUpload(uploadRouteCoverAction, (image) => onChange(image.url));
  return (
    <div className="space-y-2 sm:col-span-2">
      <label htmlFor="cover-file" className="font-medium text-sm">
        {t("uploadCover")}
      </label>
      <input
        id="cover-file"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        disabled={pending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload(file);
        }}
        className="block text-sm"
      />
      {pending ? <p className="text-sm text-stone-500">{t("uploading")}</p> : null}
      {message || error ? (
        <p role="alert" className="text-berry-600 text-sm">
          {message ?? error}
        </p>
      ) : null}
      {value ? (
        <div className="flex items-end gap-3">
          {/* biome-ignore lint/performance/noImgElement: stored uploads carry their own widths (srcSet) */}
          <img
            {...imageSources(value, "240px")}
            alt={t("cover")}
            className="h-32 rounded-lg object-cover"
            data-testid="cover-preview"
          />
          <button type="button" className="text-sm underline" onClick={() => onChange("")}>
            {t("removeCover")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
