import { useFormatter, useTranslations } from "next-intl";
import type { ProductUnit } from "../product-queries";
import { seasonOf } from "../season";

/**
 * The one line a visitor needs before buying: pre-order date, season over, sold
 * out, or what is left. `stock` is undefined until the live count has arrived.
 */
export function ProductStatus({
  product,
  stock,
  now,
}: {
  product: { unit: ProductUnit; madeToOrder: boolean; availableFrom: string | null; availableUntil: string | null };
  stock: number | null | undefined;
  now: Date;
}) {
  const t = useTranslations("shop");
  const format = useFormatter();
  const season = seasonOf(product, now);
  const unit = t(`units.${product.unit}`);
  const parts: { key: string; text: string; tone: string }[] = [];
  if (season === "preorder" && product.availableFrom) {
    const date = format.dateTime(new Date(product.availableFrom), { dateStyle: "medium" });
    parts.push({ key: "preorder", text: t("preorder", { date }), tone: "bg-amber-100 text-amber-900" });
  }
  if (season === "over") parts.push({ key: "over", text: t("seasonOver"), tone: "bg-stone-200 text-stone-700" });
  else if (product.madeToOrder) parts.push({ key: "made", text: t("madeToOrder"), tone: "text-stone-600" });
  else if (stock === 0) parts.push({ key: "sold-out", text: t("soldOut"), tone: "bg-red-100 text-red-800" });
  else if (typeof stock === "number") {
    parts.push({ key: "left", text: t("stockLeft", { count: stock, unit }), tone: "text-stone-600" });
  }
  if (parts.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1.5 text-xs" data-testid="product-status">
      {parts.map((p) => (
        <span key={p.key} className={`rounded-full px-2 py-0.5 ${p.tone}`} data-status={p.key}>
          {p.text}
        </span>
      ))}
    </span>
  );
}
