import { useTranslations } from "next-intl";
import { imageSources } from "@/modules/media/images";
import { produceKind } from "../produce-kind";
import type { ProductCategory, ProductImageDto } from "../product-queries";
import { ProduceDrawing } from "./produce-drawing";

/**
 * A product photo, resized for the width it is shown at and loaded as it scrolls into view;
 * without one, a drawing of its kind of produce (told from its name, else its category),
 * labelled as a drawing.
 */
export function ProductPhoto({
  image,
  alt,
  name,
  category,
  sizes,
  eager = false,
  className = "",
}: {
  image: ProductImageDto | null;
  alt: string;
  /** The product's name as shown, for the drawing's text alternative and to tell which produce to draw. */
  name: string;
  category: ProductCategory;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  const t = useTranslations("shop");
  if (!image) {
    // The shown name stands for both: each language's words are matched only in that language.
    const kind = produceKind({ nameZh: name, nameEn: name, category });
    return (
      <span className={`relative block overflow-hidden ${className}`}>
        <ProduceDrawing
          kind={kind}
          label={t("illustrationOf", { name })}
          className="h-full w-full"
          preserveAspectRatio="xMidYMid slice"
        />
        <span
          aria-hidden="true"
          className="absolute right-2 bottom-2 rounded bg-white/90 px-1.5 py-0.5 text-[11px] text-stone-700"
        >
          {t("illustration")}
        </span>
      </span>
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
