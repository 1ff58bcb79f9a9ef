"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LazyRouteMap } from "@/components/map/lazy-route-map";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import type { TileConfig } from "@/lib/map-tiles";
import { toMapRoute } from "../presenters";
import type { RouteDto } from "../types";

/** The route on the map with numbered stops, and the same stops as an ordered list; each points at the other. */
export function RouteStops({ route, tiles }: { route: RouteDto; tiles: TileConfig }) {
  const t = useTranslations("routes");
  const locale = useLocale() as Locale;
  const [active, setActive] = useState<number | null>(null);
  const mapRoute = toMapRoute(route, locale);
  mapRoute.stops = mapRoute.stops.map((s) => ({
    ...s,
    detail: t("suggestedMinutes", { minutes: route.stops[s.position]?.suggestedMinutes ?? 0 }),
  }));

  function selectStop(position: number) {
    setActive(position);
    document.getElementById(`stop-${position + 1}`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="no-print lg:sticky lg:top-16 lg:self-start">
        <LazyRouteMap
          routes={[mapRoute]}
          tiles={tiles}
          mode="stops"
          activeStop={active}
          onSelectStop={selectStop}
          labels={{ map: t("map"), tilesUnavailable: t("tilesUnavailable") }}
          className="h-72 lg:h-[28rem]"
        />
      </div>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("stops")}</h2>
        <ol className="space-y-3">
          {route.stops.map((s) => (
            <li
              key={s.position}
              id={`stop-${s.position + 1}`}
              data-active={active === s.position ? "true" : undefined}
              className={`rounded-xl border bg-white p-4 ${active === s.position ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"}`}
            >
              <button
                type="button"
                className="flex w-full items-start gap-3 text-left"
                onClick={() => setActive(s.position)}
                aria-pressed={active === s.position}
              >
                <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-sm text-white">
                  {s.position + 1}
                </span>
                <span>
                  <span className="block font-medium">{pick(s.place.name, locale)}</span>
                  <span className="block text-sm text-stone-500">
                    {t("suggestedMinutes", { minutes: s.suggestedMinutes })}
                  </span>
                </span>
              </button>
              {s.note ? <p className="mt-2 text-sm">{pick(s.note, locale)}</p> : null}
              {s.place.description[locale === "en" ? "en" : "zh"] ? (
                <p className="mt-1 text-sm text-stone-600">{pick(s.place.description, locale)}</p>
              ) : null}
              {s.place.openingHours ? (
                <p className="mt-1 text-sm text-stone-600">
                  {t("openingHours")}: {pick(s.place.openingHours, locale)}
                </p>
              ) : null}
              {s.place.photoUrl ? (
                // biome-ignore lint/performance/noImgElement: stop photos are small and may be external
                <img src={s.place.photoUrl} alt="" loading="lazy" className="mt-2 max-h-48 rounded-lg object-cover" />
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
