"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { FilterChips } from "@/components/ui/filter-chips";
import { type Bilingual, pick } from "@/lib/localized";
import { useUrlFilters } from "@/lib/use-url-filters";
import { CATEGORIES, filterProducts, type ProductCardData, readShopFilters, SEASON_FILTERS } from "../presenters";
import { bySeason } from "../season";
import { ProductCard } from "./product-card";
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
  const locale = useLocale();
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

  const filtered = filters.workshop || filters.category || filters.season || q;

  return (
    <div className="space-y-4">
      <section className="space-y-3" aria-label={t("filters.label")}>
        <label className="block">
          <span className="sr-only">{t("search")}</span>
          <input
            type="search"
            value={q}
            placeholder={t("searchPlaceholder")}
            onChange={(e) => {
              setQ(e.target.value);
              setFilter("q", e.target.value.trim() || null);
            }}
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
            data-testid="shop-search"
          />
        </label>
        <FilterChips
          className="flex gap-2 overflow-x-auto pb-1"
          legend={t("filters.category")}
          allLabel={t("filters.all")}
          options={CATEGORIES.filter((c) => products.some((p) => p.category === c)).map((c) => ({
            value: c,
            label: t(`categories.${c}`),
          }))}
          value={filters.category}
          onChange={(value) => setFilter("category", value)}
        />
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className="mr-2 text-stone-600">{t("filters.workshop")}</span>
            <select
              className="max-w-[16rem] rounded border border-stone-300 bg-white px-2 py-1"
              value={filters.workshop ?? ""}
              onChange={(e) => setFilter("workshop", e.target.value || null)}
            >
              <option value="">{t("filters.allWorkshops")}</option>
              {workshops.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {pick(w.name, locale)}
                </option>
              ))}
            </select>
          </label>
          <FilterChips
            className="flex items-center gap-2"
            legend={t("filters.season")}
            showLegend
            allLabel={t("filters.anySeason")}
            options={SEASON_FILTERS.map((x) => ({ value: x, label: t(`seasons.${x}`) }))}
            value={filters.season}
            onChange={(value) => setFilter("season", value)}
          />
          {filtered ? (
            <button
              type="button"
              className="text-brand-700 text-sm underline"
              onClick={() => {
                setQ("");
                clear();
              }}
            >
              {t("filters.clear")}
            </button>
          ) : null}
        </div>
      </section>
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
