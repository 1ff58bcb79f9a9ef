import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlaceMap } from "@/components/map/place-map";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { pageMetadata } from "@/lib/page-metadata";
import { LiveProductGrid } from "@/modules/shop/components/live-product-grid";
import { chineseOnly, toCardData } from "@/modules/shop/presenters";
import { findPublishedWorkshops } from "@/modules/shop/product-queries";
import { getPublishedWorkshops } from "@/modules/shop/queries";

// Served from the cache; stock is fetched live by the product grid.
export const revalidate = 3600;

export async function generateStaticParams() {
  return (await findPublishedWorkshops()).map((w) => ({ slug: w.slug }));
}

async function workshopFor(slug: string) {
  return (await getPublishedWorkshops()).find((w) => w.slug === slug) ?? null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/shop/workshops/[slug]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const workshop = await workshopFor(slug);
  if (!workshop) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: `/shop/workshops/${slug}`,
    title: pick(workshop.name, locale),
    description: pick(workshop.story, locale).slice(0, 160),
    siteName: t("siteName"),
  });
}

export default async function WorkshopPage({ params }: PageProps<"/[locale]/shop/workshops/[slug]">) {
  const locale = await enterLocale(params);
  const workshop = await workshopFor((await params).slug);
  if (!workshop) notFound();
  const t = await getTranslations("shop");
  const tr = await getTranslations("routes");
  const name = pick(workshop.name, locale);
  const village = chineseOnly(workshop.village, locale);
  return (
    <article className="space-y-6">
      <nav className="text-sm">
        <Link href="/shop" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("backToShop")}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="font-bold text-2xl">{name}</h1>
        {village ? <p className="text-stone-600">{village}</p> : null}
      </header>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("workshop.story")}</h2>
        <p className="leading-relaxed">{pick(workshop.story, locale)}</p>
      </section>
      <dl className="grid gap-3 rounded-xl bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
        {workshop.openingHours.zh ? (
          <div>
            <dt className="text-stone-500">{t("workshop.openingHours")}</dt>
            <dd className="font-medium" data-testid="opening-hours">
              {pick(workshop.openingHours, locale)}
            </dd>
          </div>
        ) : null}
        {workshop.phone ? (
          <div>
            <dt className="text-stone-500">{t("workshop.phone")}</dt>
            <dd className="font-medium">
              <a
                href={`tel:${workshop.phone.replace(/[^\d+]/g, "")}`}
                className="inline-flex min-h-11 items-center text-brand-700 underline"
              >
                {workshop.phone}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      {workshop.place ? (
        <PlaceMap
          heading={t("workshop.map")}
          slug={workshop.slug}
          title={name}
          place={{ name, lat: workshop.place.lat, lng: workshop.place.lng }}
          tiles={env.tiles}
          tilesUnavailable={tr("tilesUnavailable")}
        />
      ) : null}
      {workshop.farmers.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">
            {t("workshop.farmers")}
            {/* Farmers' names are stored in Chinese only: the English page says so. */}
            {locale === "en" ? (
              <span className="ml-1 font-normal text-sm text-stone-600">{t("nameInChinese")}</span>
            ) : null}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {workshop.farmers.map((f) => (
              <li
                key={f.id}
                lang="zh-CN"
                className="rounded-full bg-brand-50 px-3 py-1 text-brand-900 text-sm"
                data-farmer={f.id}
              >
                {f.displayName}
                {chineseOnly(f.village, locale) ? ` · ${f.village}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("workshop.products")}</h2>
        {workshop.products.length === 0 ? (
          <p className="text-stone-600">{t("workshop.noProducts")}</p>
        ) : (
          <LiveProductGrid products={workshop.products.map(toCardData)} renderedAt={Date.now()} />
        )}
      </section>
    </article>
  );
}
