import { useTranslations } from "next-intl";
import { imageSources } from "@/modules/media/images";
import type { ProductImageDto } from "../find-products";

/** A product photo, resized for the width it is shown at and loaded as it scrolls into view. */
export function ProductPhoto({
  image,
  alt,
  sizes,
  eager = false,
  className = "",
}: {
  image: ProductImageDto | null;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const t = useTranslations("shop");
  if (!image) {
    return (
      <div className={`flex items-center justify-center bg-brand-50 text-brand-700 text-sm ${className}`}>
        {t("noPhoto")}
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: stored uploads carry their own widths (srcSet)
    <img
      {...imageSources(image.url, sizes)}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`bg-stone-100 object-cover ${className}`}
    />
  );
}
