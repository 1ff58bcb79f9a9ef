"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LazyRouteMap } from "@/components/map/lazy-route-map";
import { FilterChips } from "@/components/ui/filter-chips";
import type { Locale } from "@/lib/i18n/routing";
import type { TileConfig } from "@/lib/map-tiles";
import { dateInMonth } from "@/lib/months";
import { useUrlFilters } from "@/lib/use-url-filters";
import { CATEGORY_SLUGS, isCategorySlug } from "../categories";
import { type DurationBucket, filterRoutes, type RouteCardData, type RouteFilters, toMapRoute } from "../presenters";
import { RouteCard } from "./route-card";

const BUCKETS: DurationBucket[] = ["short", "half", "full"];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function readFilters(params: URLSearchParams): RouteFilters {
  const category = params.get("category");
  const month = Number(params.get("month"));
  const duration = params.get("duration");
  return {
    category: isCategorySlug(category) ? category : null,
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null,
    duration: BUCKETS.includes(duration as DurationBucket) ? (duration as DurationBucket) : null,
  };
}

/** Filters (kept in the URL, so a view can be shared), the map and the list, in step. */
export function RouteExplorer({ routes, tiles }: { routes: RouteCardData[]; tiles: TileConfig }) {
  const t = useTranslations("routes");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  const { params, setFilter } = useUrlFilters();
  const filters = readFilters(params);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const shown = filterRoutes(routes, filters);

  function selectFromMap(slug: string) {
    setHighlighted(slug);
    document.querySelector(`[data-route="${slug}"]`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }

  return (
    <div className="space-y-4">
      <section className="space-y-3" aria-label={t("filters.label")}>
        <FilterChips
          legend={t("filters.category")}
          allLabel={t("filters.all")}
          options={CATEGORY_SLUGS.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={filters.category}
          onChange={(value) => setFilter("category", value)}
        />
        <div className="flex flex-wrap gap-3">
          <label className="text-sm">
            <span className="mr-2 text-stone-600">{t("filters.month")}</span>
            <select
              className="rounded border border-stone-300 bg-white px-2 py-1"
              value={filters.month ?? ""}
              onChange={(e) => setFilter("month", e.target.value || null)}
            >
              <option value="">{t("filters.anyMonth")}</option>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {format.dateTime(dateInMonth(m), { month: "long" })}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="mr-2 text-stone-600">{t("filters.duration")}</span>
            <select
              className="rounded border border-stone-300 bg-white px-2 py-1"
              value={filters.duration ?? ""}
              onChange={(e) => setFilter("duration", e.target.value || null)}
            >
              <option value="">{t("filters.anyDuration")}</option>
              {BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {t(`filters.${b}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      <div className="grid gap-4 lg:grid-cols-[1fr_1fr]">
        <div className="lg:sticky lg:top-16 lg:order-2 lg:self-start">
          <LazyRouteMap
            routes={shown.map((r) => toMapRoute(r, locale))}
            tiles={tiles}
            mode="overview"
            highlighted={highlighted}
            onSelectRoute={selectFromMap}
            labels={{ map: t("map"), tilesUnavailable: t("tilesUnavailable") }}
            className="h-72 lg:h-[32rem]"
          />
        </div>
        <section aria-live="polite" className="space-y-3 lg:order-1">
          <p className="text-sm text-stone-600" data-testid="route-count">
            {t("count", { count: shown.length })}
          </p>
          {shown.length === 0 ? <p>{t("none")}</p> : null}
          <ul className="space-y-3">
            {shown.map((r) => (
              <li
                key={r.slug}
                onMouseEnter={() => setHighlighted(r.slug)}
                onFocus={() => setHighlighted(r.slug)}
                onMouseLeave={() => setHighlighted(null)}
              >
                <RouteCard route={r} active={highlighted === r.slug} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
