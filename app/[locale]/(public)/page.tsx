import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import type { LngLat } from "@/lib/geo";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { pageMetadata } from "@/lib/page-metadata";
import { SeasonStrip } from "@/modules/calendar/components/season-strip";
import { WeekendSeats } from "@/modules/festivals/components/weekend-seats";
import { festivalDrawing, lowestPrice, weekendSessions } from "@/modules/festivals/hero";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { CATEGORY_SLUGS } from "@/modules/routes/categories";
import { RouteShape } from "@/modules/routes/components/route-shape";
import { getPublishedRoutes } from "@/modules/routes/queries";

const CARDS = [
  { href: "/routes", title: "routesTitle", body: "routesBody" },
  { href: "/festivals", title: "festivalsTitle", body: "festivalsBody" },
  { href: "/shop", title: "shopTitle", body: "shopBody" },
  { href: "/trips", title: "tripsTitle", body: "tripsBody" },
] as const;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/",
    title: { absolute: t("title") },
    description: t("description"),
    siteName: t("siteName"),
  });
}

/** A Suoqian date ("2027-06-12") of an instant. */
const suoqianDate = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

// Static, and renders afresh within the hour with the festival and route reads it makes
// (their data cache revalidates hourly): the countdown counts in whole days.
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await enterLocale(params);
  const t = await getTranslations("home");
  const tf = await getTranslations("festivals");
  const tr = await getTranslations("routes");
  const format = await getFormatter();
  const now = new Date();
  const today = suoqianDate(now);
  const [festivals, routes] = await Promise.all([getPublishedFestivals(), getPublishedRoutes()]);
  const next = festivals
    .filter((f) => f.endsOn.slice(0, 10) >= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  const weekend = next ? weekendSessions(next.sessions, now) : null;
  const from = next ? lowestPrice(next.ticketTypes) : null;
  const startsIn = next ? daysBetween(today, next.startsOn.slice(0, 10)) : 0;
  // One route per kind, those in season this month first.
  const month = Number(today.slice(5, 7));
  const picks = CATEGORY_SLUGS.map((category) => {
    const ofKind = routes.filter((r) => r.category === category);
    return ofKind.find((r) => r.months.includes(month)) ?? ofKind[0];
  })
    .filter((r) => r !== undefined)
    .sort((a, b) => Number(b.months.includes(month)) - Number(a.months.includes(month)));
  const day = (iso: string) => format.dateTime(new Date(iso), { month: "long", day: "numeric" });
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-700 px-6 py-8 text-white">
        <h1 className="font-bold text-3xl">{t("slogan")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("intro")}</p>
      </section>
      {next ? (
        <section aria-labelledby="next-festival" data-testid="next-festival">
          <h2 id="next-festival" className="mb-3 font-semibold text-xl">
            {t("nextFestival")}
          </h2>
          <Link
            href={`/festivals/${next.slug}`}
            className="block overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm hover:border-brand-600"
          >
            <img
              src={`/drawings/festival-${festivalDrawing(next)}.svg`}
              alt=""
              width={800}
              height={320}
              className="aspect-[5/2] w-full object-cover"
            />
            <div className="space-y-1 p-4">
              <p className="font-semibold text-lg">{pick(next.name, locale)}</p>
              <p className="text-stone-600 text-sm">
                {tf("dates", { start: day(next.startsOn), end: day(next.endsOn) })} · {pick(next.venue, locale)}
              </p>
              <p className="flex flex-wrap items-baseline gap-x-4">
                <span className="font-bold text-berry-600" data-testid="countdown">
                  {startsIn > 0 ? t("startsIn", { days: startsIn }) : t("onNow")}
                </span>
                {from ? (
                  <span>{tf("fromPrice", { price: formatMoney(from.cents, from.currency, locale) })}</span>
                ) : null}
              </p>
              {weekend ? (
                <ClientMessages paths={SECTION_MESSAGES.home}>
                  <WeekendSeats
                    slug={next.slug}
                    sessionIds={weekend.sessionIds}
                    thisWeekend={weekend.thisWeekend}
                    weekend={format.dateTimeRange(
                      new Date(`${weekend.saturday}T12:00:00+08:00`),
                      new Date(Date.parse(`${weekend.saturday}T12:00:00+08:00`) + 86_400_000),
                      { month: "long", day: "numeric", timeZone: "Asia/Shanghai" },
                    )}
                  />
                </ClientMessages>
              ) : null}
            </div>
          </Link>
        </section>
      ) : null}
      <SeasonStrip />
      {picks.length > 0 ? (
        <section aria-labelledby="home-routes" data-testid="home-routes">
          <h2 id="home-routes" className="mb-3 font-semibold text-xl">
            {t("routesPick")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {picks.map((route) => (
              <li key={route.slug}>
                <Link
                  href={`/routes/${route.slug}`}
                  className="flex min-h-11 gap-3 rounded-xl border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
                  data-home-route={route.slug}
                >
                  <RouteShape
                    path={route.path}
                    stops={route.stops.map((s) => [s.place.lng, s.place.lat] as LngLat)}
                    category={route.category}
                    label={t("routeShape", { title: pick(route.title, locale) })}
                  />
                  <span className="min-w-0">
                    <span className="block text-stone-500 text-xs">{tr(`categories.${route.category}`)}</span>
                    <span className="block font-medium">{pick(route.title, locale)}</span>
                    <span className="block text-stone-600 text-sm">
                      {tr("distanceKm", {
                        km: format.number(route.distanceMeters / 1000, { maximumFractionDigits: 1 }),
                      })}{" "}
                      ·{" "}
                      {tr("hours", { hours: format.number(route.durationMinutes / 60, { maximumFractionDigits: 1 }) })}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">
            <Link href="/routes" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("allRoutes")}
            </Link>
          </p>
        </section>
      ) : null}
      <section className="grid gap-4 sm:grid-cols-2">
        {CARDS.map((card) => (
          <Link
            key={card.href}
            href={card.href}
            className="block rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600"
          >
            <h2 className="font-semibold text-brand-700 text-xl">{t(card.title)}</h2>
            <p className="mt-2 text-stone-600">{t(card.body)}</p>
          </Link>
        ))}
      </section>
    </div>
  );
}
