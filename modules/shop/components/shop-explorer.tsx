"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import type { Bilingual } from "@/lib/localized";
import { useUrlFilters } from "@/lib/use-url-filters";
import { filterProducts, type ProductCardData, readShopFilters } from "../presenters";
import { bySeason } from "../season";
import { ProductCard } from "./product-card";
import { ShopFilters } from "./shop-explorer/shop-filters";
import { stockOf, useLiveStock } from "./use-live-stock";

type Props = {
  products: ProductCardData[];
  workshops: { slug: string; name: Bilingual }[];
  /** When the server rendered the list; the browser's clock takes over once it runs. */
  renderedAt: number;
};

/** Search and filters over the cached list, in the browser; the URL keeps them, so a view can be shared. */
export function ShopExplorer({ products, workshops, renderedAt }: Props) {
  const t = useTranslations("shop");
  const { params, read, setFilter, clear } = useUrlFilters();
  const filters = readShopFilters(
    params,
    workshops.map((w) => w.slug),
  );
  // Typed text stays local (an IME composes in it); the URL follows.
  const [q, setQ] = useState("");
  useEffect(() => setQ(read.get("q") ?? ""), [read]);
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => setNow(new Date()), []);
  const stock = useLiveStock(useMemo(() => products.map((p) => p.id), [products]));
  const shown = bySeason(filterProducts(products, { ...filters, q }, now), now);

  return (
    <div className="space-y-4">
      <ShopFilters
        products={products}
        workshops={workshops}
        filters={filters}
        q={q}
        onSearch={(text) => {
          setQ(text);
          setFilter("q", text.trim() || null);
        }}
        setFilter={setFilter}
        onClear={() => {
          setQ("");
          clear();
        }}
      />
      <section aria-live="polite" className="space-y-3">
        <p className="text-sm text-stone-600" data-testid="product-count">
          {t("count", { count: shown.length })}
        </p>
        {shown.length === 0 ? <p>{t("none")}</p> : null}
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {shown.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} stock={stockOf(stock, p.id)} now={now} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
