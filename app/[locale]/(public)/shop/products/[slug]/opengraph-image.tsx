import { ImageResponse } from "next/og";
import { apiTranslator } from "@/lib/i18n/api";
import { formatMoney } from "@/lib/money";
import { ProduceDrawing } from "@/modules/shop/components/produce-drawing";
import { produceKind } from "@/modules/shop/produce-kind";
import { getPublishedProducts } from "@/modules/shop/queries";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Suoqian workshop produce";

// The share card of a product without a photo (the page names its first photo instead).
// Latin text only: the image renderer ships no CJK font, so the card uses the English name.
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const product = (await getPublishedProducts()).find((p) => p.slug === slug);
  const t = apiTranslator("en");
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: "#f1f8f3", padding: 60 }}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: 560 }}>
        <div style={{ display: "flex", fontSize: 30, color: "#246039" }}>
          {product?.workshop.name.en ?? t("meta.siteName")}
        </div>
        <div style={{ display: "flex", fontSize: 60, fontWeight: 700, color: "#173d25", lineHeight: 1.15 }}>
          {product?.name.en || t("shop.title")}
        </div>
        <div style={{ display: "flex", fontSize: 40, color: "#a3243b" }}>
          {product
            ? t("shop.pricePerUnit", {
                price: formatMoney(product.priceCents, product.currency, "en"),
                unit: t(`shop.units.${product.unit}`),
              })
            : ""}
        </div>
      </div>
      <ProduceDrawing
        kind={
          product
            ? produceKind({ nameZh: product.name.zh, nameEn: product.name.en, category: product.category })
            : "other"
        }
        label={alt}
        width={480}
        height={360}
        style={{ marginLeft: 40, marginTop: 75, borderRadius: 24 }}
      />
    </div>,
    size,
  );
}
