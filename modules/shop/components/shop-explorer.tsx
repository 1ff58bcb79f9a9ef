"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { type Bilingual, pick } from "@/lib/localized";
import {
  CATEGORIES,
  filterProducts,
  type ProductCardData,
  readShopFilters,
  SEASON_FILTERS,
  type ShopFilters,
} from "../presenters";
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
  // The filters live in the URL. They are read after the page loads rather than with
  // useSearchParams, which would keep the list out of the cached HTML (and send it twice):
  // the server renders the whole list, and the browser then narrows it.
  const [params, setParams] = useState(() => new URLSearchParams());
  const filters = readShopFilters(
    params,
    workshops.map((w) => w.slug),
  );
  // Typed text stays local (an IME composes in it); the URL follows.
  const [q, setQ] = useState(filters.q);
  useEffect(() => {
    const read = () => {
      const current = new URLSearchParams(window.location.search);
      setParams(current);
      setQ(current.get("q") ?? "");
    };
    read();
    window.addEventListener("popstate", read);
    return () => window.removeEventListener("popstate", read);
  }, []);
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => setNow(new Date()), []);
  const stock = useLiveStock(useMemo(() => products.map((p) => p.id), [products]));
  const shown = bySeason(filterProducts(products, { ...filters, q }, now), now);

  function setFilter(name: keyof ShopFilters, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    // No server round trip: the list is already here.
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    setParams(next);
  }

  const chip = (pressed: boolean) =>
    `shrink-0 rounded-full border px-3 py-1 text-sm ${pressed ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-stone-700"}`;
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
        <fieldset className="flex gap-2 overflow-x-auto pb-1">
          <legend className="sr-only">{t("filters.category")}</legend>
          <button
            type="button"
            className={chip(!filters.category)}
            aria-pressed={!filters.category}
            onClick={() => setFilter("category", null)}
          >
            {t("filters.all")}
          </button>
          {CATEGORIES.filter((c) => products.some((p) => p.category === c)).map((c) => (
            <button
              key={c}
              type="button"
              className={chip(filters.category === c)}
              aria-pressed={filters.category === c}
              onClick={() => setFilter("category", c)}
            >
              {t(`categories.${c}`)}
            </button>
          ))}
        </fieldset>
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
          <fieldset className="flex items-center gap-2 text-sm">
            <legend className="sr-only">{t("filters.season")}</legend>
            <span className="text-stone-600" aria-hidden="true">
              {t("filters.season")}
            </span>
            <button
              type="button"
              className={chip(!filters.season)}
              aria-pressed={!filters.season}
              onClick={() => setFilter("season", null)}
            >
              {t("filters.anySeason")}
            </button>
            {SEASON_FILTERS.map((s) => (
              <button
                key={s}
                type="button"
                className={chip(filters.season === s)}
                aria-pressed={filters.season === s}
                onClick={() => setFilter("season", s)}
              >
                {t(`seasons.${s}`)}
              </button>
            ))}
          </fieldset>
          {filtered ? (
            <button
              type="button"
              className="text-brand-700 text-sm underline"
              onClick={() => {
                setQ("");
                window.history.replaceState(null, "", window.location.pathname);
                setParams(new URLSearchParams());
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
