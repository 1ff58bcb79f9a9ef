import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { CATEGORY_COLOURS } from "../categories";
import type { RouteCardData } from "../presenters";

export function CategoryBadge({ category }: { category: RouteCardData["category"] }) {
  const t = useTranslations("routes.categories");
  return (
    <span
      className="inline-block rounded-full px-2 py-0.5 font-medium text-white text-xs"
      style={{ background: CATEGORY_COLOURS[category] }}
    >
      {t(category)}
    </span>
  );
}

export function RouteCard({ route, active = false }: { route: RouteCardData; active?: boolean }) {
  const t = useTranslations("routes");
  const locale = useLocale() as Locale;
  const format = useFormatter();
  return (
    <article
      className={`rounded-xl border bg-white p-4 shadow-sm transition ${active ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"}`}
      data-route={route.slug}
    >
      <div className="flex items-center gap-2">
        <CategoryBadge category={route.category} />
        <span className="text-stone-500 text-xs">{t(`difficulty.${route.difficulty}`)}</span>
      </div>
      <h2 className="mt-2 font-semibold text-lg">
        <Link href={`/routes/${route.slug}`} className="hover:underline">
          {pick(route.title, locale)}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-stone-600">{pick(route.summary, locale)}</p>
      <p className="mt-2 text-sm text-stone-700">
        {t("distanceKm", { km: format.number(route.distanceMeters / 1000, { maximumFractionDigits: 1 }) })} ·{" "}
        {t("hours", { hours: format.number(route.durationMinutes / 60, { maximumFractionDigits: 1 }) })} ·{" "}
        {t("stopCount", { count: route.stops.length })}
      </p>
    </article>
  );
}
