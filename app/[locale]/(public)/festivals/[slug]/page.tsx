import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlaceMap } from "@/components/map/place-map";
import { JsonLd } from "@/components/ui/json-ld";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { pageMetadata, pageUrl, shareCardPath } from "@/lib/page-metadata";
import { toClientFestival } from "@/modules/festivals/client-festival";
import { FestivalHero } from "@/modules/festivals/components/festival-hero";
import { type SessionLabels, SessionList } from "@/modules/festivals/components/session-list";
import { findPublishedFestivals } from "@/modules/festivals/festival-queries";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { festivalEventJsonLd } from "@/modules/festivals/structured-data";

// Safety net: whatever an edit expires at once, a list kept by a render that raced it lasts five minutes at most.
export const revalidate = 300;

export async function generateStaticParams() {
  return (await findPublishedFestivals()).map((f) => ({ slug: f.slug }));
}

async function festivalFor(slug: string) {
  return (await getPublishedFestivals()).find((f) => f.slug === slug) ?? null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/festivals/[slug]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const festival = await festivalFor((await params).slug);
  if (!festival) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: `/festivals/${festival.slug}`,
    title: pick(festival.name, locale),
    description: pick(festival.summary, locale),
    siteName: t("siteName"),
    // ./opengraph-image.tsx
    shareCard: "festival",
  });
}

export default async function FestivalPage({ params }: PageProps<"/[locale]/festivals/[slug]">) {
  const locale = await enterLocale(params);
  const festival = await festivalFor((await params).slug);
  if (!festival) notFound();
  const t = await getTranslations("festivals");
  const tr = await getTranslations("routes");
  const tm = await getTranslations("meta");
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const clock = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const labels: SessionLabels = {
    sessions: Object.fromEntries(
      festival.sessions.map((s) => [
        s.id,
        {
          day: format.dateTime(new Date(s.startsAt), { month: "long", day: "numeric", weekday: "short" }),
          start: clock(s.startsAt),
          end: clock(s.endsAt),
        },
      ]),
    ),
    salesStart: day(festival.salesStartAt),
  };
  const path = `/festivals/${festival.slug}`;
  const jsonLd = festivalEventJsonLd(festival, {
    locale,
    url: pageUrl(path, locale, env.siteUrl),
    now: new Date(),
    image: `${env.siteUrl}${shareCardPath("festival", path, locale)}`,
    organizer: { name: tm("siteName"), url: pageUrl("/", locale, env.siteUrl) },
    address: { locality: tm("address.locality"), region: tm("address.region") },
  });
  return (
    // Room at the bottom for the booking bar, fixed above the tab bar on a phone.
    <article className="space-y-6 pb-20 sm:pb-16">
      <JsonLd data={jsonLd} />
      <nav className="text-sm">
        <Link href="/festivals" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("title")}
        </Link>
      </nav>
      <FestivalHero festival={festival} locale={locale} labels={labels} now={new Date()} />
      <section id="sessions" className="scroll-mt-16">
        <h2 className="mb-2 font-semibold text-lg">{t("sessions")}</h2>
        {/* No Suspense boundary here: streamed after the shell, the list was revealed after the
            first paint and pushed the rest of the page down (layout shift on a phone). */}
        <SessionList festival={toClientFestival(festival)} labels={labels} />
      </section>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("ticketTypes")}</h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {festival.ticketTypes.map((tt) => (
            <li key={tt.id} className="rounded-lg bg-white p-3 shadow-sm" data-ticket-type={tt.id}>
              <span className="block font-medium">{pick(tt.name, locale)}</span>
              <span className="block text-brand-700">{formatMoney(tt.priceCents, tt.currency, locale)}</span>
              {tt.admissions > 1 ? (
                <span className="block text-sm text-stone-500">{t("admits", { count: tt.admissions })}</span>
              ) : null}
              {tt.description.zh ? (
                <span className="block text-sm text-stone-600">{pick(tt.description, locale)}</span>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-sm text-stone-500">{t("cutoff", { hours: festival.cancellationCutoffHours })}</p>
      </section>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("about")}</h2>
        <p className="mb-2">{pick(festival.summary, locale)}</p>
        {festival.description.zh ? <p className="leading-relaxed">{pick(festival.description, locale)}</p> : null}
      </section>
      {festival.venuePoint ? (
        <PlaceMap
          heading={t("venueMap")}
          slug={festival.slug}
          title={pick(festival.name, locale)}
          place={{ name: pick(festival.venue, locale), ...festival.venuePoint }}
          tiles={env.tiles}
          tilesUnavailable={tr("tilesUnavailable")}
        />
      ) : null}
    </article>
  );
}
