"use client";
import { useLocale, useTranslations } from "next-intl";
import { FilterChips } from "@/components/ui/filter-chips";
import { type Bilingual, pick } from "@/lib/localized";
import { CATEGORIES, type ShopFilters as Filters, type ProductCardData, SEASON_FILTERS } from "../../presenters";

/** The search box, the categories (those the list has), the workshop, the season, and a way to clear them. */
export function ShopFilters({
  products,
  workshops,
  filters,
  q,
  onSearch,
  setFilter,
  onClear,
}: {
  products: ProductCardData[];
  workshops: { slug: string; name: Bilingual }[];
  filters: Filters;
  /** The search as typed. */
  q: string;
  onSearch: (text: string) => void;
  setFilter: (name: string, value: string | null) => void;
  onClear: () => void;
}) {
  const t = useTranslations("shop");
  const locale = useLocale();
  const filtered = filters.workshop || filters.category || filters.season || q;
  return (
    <section className="space-y-3" aria-label={t("filters.label")}>
      <label className="block">
        <span className="sr-only">{t("search")}</span>
        <input
          type="search"
          value={q}
          placeholder={t("searchPlaceholder")}
          onChange={(e) => onSearch(e.target.value)}
          className="min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
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
          <button type="button" className="text-brand-700 text-sm underline" onClick={onClear}>
            {t("filters.clear")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
