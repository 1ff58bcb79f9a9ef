import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { JsonLd } from "@/components/ui/json-ld";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { dateInMonth, monthRanges } from "@/lib/months";
import { pageMetadata } from "@/lib/page-metadata";
import { imageSources } from "@/modules/media/images";
import { RouteActions } from "@/modules/routes/components/route-actions";
import { CategoryBadge } from "@/modules/routes/components/route-card";
import { RouteNearby } from "@/modules/routes/components/route-nearby";
import { RouteStops } from "@/modules/routes/components/route-stops";
import { routeTimes, TRAVEL_MODES } from "@/modules/routes/estimates";
import { getNearby, getPublishedRoute } from "@/modules/routes/queries";
import { findPublishedRoutes } from "@/modules/routes/route-queries";
import { touristTripJsonLd } from "@/modules/routes/structured-data";

export const revalidate = 3600;

export async function generateStaticParams() {
  return (await findPublishedRoutes()).map((r) => ({ slug: r.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[locale]/routes/[slug]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const route = await getPublishedRoute(slug);
  if (!route) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: `/routes/${slug}`,
    title: pick(route.title, locale),
    description: pick(route.summary, locale),
    siteName: t("siteName"),
    type: "article",
    // ./opengraph-image.tsx
    shareCard: "route",
  });
}

export default async function RoutePage({ params }: PageProps<"/[locale]/routes/[slug]">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const route = await getPublishedRoute(slug);
  if (!route) notFound();
  const t = await getTranslations("routes");
  const format = await getFormatter();
  const nearby = await getNearby(route.stops.map((s) => [s.place.lng, s.place.lat]));
  const times = routeTimes(route);
  const hours = (minutes: number) => t("hours", { hours: format.number(minutes / 60, { maximumFractionDigits: 1 }) });
  const month = (m: number) => format.dateTime(dateInMonth(m), { month: "short" });
  const ranges = monthRanges(route.months);
  const bestMonths =
    ranges.length === 1 && ranges[0]?.[0] === 1 && ranges[0][1] === 12
      ? t("allYear")
      : ranges.map(([a, b]) => (a === b ? month(a) : `${month(a)}–${month(b)}`)).join(locale === "en" ? ", " : "、");
  const lang = locale === "en" ? "en" : "zh";
  const jsonLd = touristTripJsonLd(route, lang);

  return (
    <article className="space-y-6">
      <JsonLd data={jsonLd} />
      <nav className="no-print text-sm">
        <Link href="/routes" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("allRoutes")}
        </Link>
      </nav>
      <header className="space-y-2">
        <CategoryBadge category={route.category} />
        <h1 className="font-bold text-2xl">{pick(route.title, locale)}</h1>
        <p className="text-stone-700">{pick(route.summary, locale)}</p>
        <RouteActions title={pick(route.title, locale)} />
        <Link
          href={`/trips?add=route:${route.slug}`}
          className="no-print inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white"
          data-testid="add-to-trip"
        >
          {t("addToTrip")}
        </Link>
      </header>

      {route.coverImageUrl ? (
        // biome-ignore lint/performance/noImgElement: stored uploads carry their own widths (srcSet)
        <img
          {...imageSources(route.coverImageUrl, "(min-width: 1024px) 960px, 100vw")}
          alt={pick(route.title, locale)}
          className="aspect-[16/9] w-full rounded-xl object-cover"
          data-testid="route-cover"
        />
      ) : null}

      <dl className="grid grid-cols-2 gap-3 rounded-xl bg-white p-4 text-sm shadow-sm sm:grid-cols-4">
        <div>
          <dt className="text-stone-500">{t("distance")}</dt>
          <dd className="font-semibold" data-testid="route-distance">
            {t("distanceKm", { km: format.number(route.distanceMeters / 1000, { maximumFractionDigits: 1 }) })}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t("difficultyLabel")}</dt>
          <dd className="font-semibold">{t(`difficulty.${route.difficulty}`)}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-stone-500">{t("bestMonths")}</dt>
          <dd className="font-semibold">{bestMonths}</dd>
        </div>
        <div className="col-span-2 sm:col-span-4">
          <dt className="text-stone-500">{t("totalTime")}</dt>
          <dd className="flex flex-wrap gap-x-4 font-semibold">
            {TRAVEL_MODES.map((mode) => (
              <span key={mode}>
                {t(`timeBy.${mode}`)} {hours(times[mode])}
              </span>
            ))}
          </dd>
          {/* A <dl>'s groups hold only <dt> and <dd>: the note is a second description. */}
          <dd className="mt-1 text-stone-500 text-xs">{t("timesNote")}</dd>
        </div>
      </dl>

      {route.description[lang] ? <p className="leading-relaxed">{pick(route.description, locale)}</p> : null}

      <RouteStops route={route} tiles={env.tiles} />

      {route.gettingThere[lang] ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("gettingThere")}</h2>
          <p className="leading-relaxed">{pick(route.gettingThere, locale)}</p>
        </section>
      ) : null}

      <RouteNearby nearby={nearby} locale={locale} />

      <section className="no-print">
        <h2 className="mb-2 font-semibold text-lg">{t("download")}</h2>
        <div className="flex flex-wrap gap-3 text-sm">
          <a
            className="inline-flex min-h-11 items-center text-brand-700 underline"
            href={`/api/routes/${route.slug}/gpx?lang=${lang}`}
            download
          >
            {t("gpx")}
          </a>
          <a
            className="inline-flex min-h-11 items-center text-brand-700 underline"
            href={`/api/routes/${route.slug}/geojson`}
            download
          >
            {t("geojson")}
          </a>
        </div>
      </section>
    </article>
  );
}
