import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { JsonLd } from "@/components/ui/json-ld";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { pageMetadata, pageUrl, shareCardPath } from "@/lib/page-metadata";
import { imageSources } from "@/modules/media/images";
import { FulfilmentList } from "@/modules/shop/components/fulfilment-list";
import { ProductPhoto } from "@/modules/shop/components/product-photo";
import { ProductPurchase } from "@/modules/shop/components/product-purchase";
import { chineseOnly } from "@/modules/shop/presenters";
import { findPublishedProducts } from "@/modules/shop/product-queries";
import { getPublishedProducts } from "@/modules/shop/queries";
import { productJsonLd } from "@/modules/shop/structured-data";

// Served from the cache; stock is fetched live by the purchase box.
export const revalidate = 3600;

export async function generateStaticParams() {
  return (await findPublishedProducts()).map((p) => ({ slug: p.slug }));
}

async function productFor(slug: string) {
  return (await getPublishedProducts()).find((p) => p.slug === slug) ?? null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/shop/products/[slug]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const product = await productFor(slug);
  if (!product) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  const name = pick(product.name, locale);
  const photo = product.images[0];
  return pageMetadata({
    locale,
    path: `/shop/products/${slug}`,
    title: name,
    description: pick(product.description, locale).slice(0, 160),
    siteName: t("siteName"),
    // The first photo; without one, the drawn card of ./opengraph-image.tsx.
    images: photo ? [{ url: imageSources(photo.url).src, alt: photo.alt ? pick(photo.alt, locale) : name }] : undefined,
    shareCard: "product",
  });
}

export default async function ProductPage({ params }: PageProps<"/[locale]/shop/products/[slug]">) {
  const locale = await enterLocale(params);
  const product = await productFor((await params).slug);
  if (!product) notFound();
  const t = await getTranslations("shop");
  const name = pick(product.name, locale);
  const images = product.images.length > 0 ? product.images : [null];
  const village = chineseOnly(product.farmer.village, locale);
  const path = `/shop/products/${product.slug}`;
  const jsonLd = productJsonLd(product, {
    locale,
    url: pageUrl(path, locale, env.siteUrl),
    now: new Date(),
    images: product.images.map((image) => `${env.siteUrl}${imageSources(image.url).src}`),
    shareCard: `${env.siteUrl}${shareCardPath("product", path, locale)}`,
    categoryLabel: t(`categories.${product.category}`),
    unitLabel: t(`units.${product.unit}`),
  });
  return (
    <article className="space-y-6">
      <JsonLd data={jsonLd} />
      <nav className="text-sm">
        <Link href="/shop" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("backToShop")}
        </Link>
      </nav>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-label={t("product.photos")}>
          {/* Swipe on a phone; only the first photo loads with the page. */}
          <ul className="flex snap-x snap-mandatory gap-2 overflow-x-auto rounded-xl">
            {images.map((image, index) => (
              <li key={image?.url ?? "none"} className="w-full shrink-0 snap-center">
                <ProductPhoto
                  image={image}
                  alt={image?.alt ? pick(image.alt, locale) : t("product.photoOf", { name, index: index + 1 })}
                  name={name}
                  category={product.category}
                  sizes="(min-width: 1024px) 480px, 100vw"
                  eager={index === 0}
                  className="aspect-[4/3] w-full rounded-xl"
                />
              </li>
            ))}
          </ul>
        </section>
        <div className="space-y-4">
          <header className="space-y-1">
            <span className="text-sm text-stone-500">{t(`categories.${product.category}`)}</span>
            <h1 className="font-bold text-2xl">{name}</h1>
            <p className="font-semibold text-brand-700 text-xl" data-testid="product-price">
              {t("pricePerUnit", {
                price: formatMoney(product.priceCents, product.currency, locale),
                unit: t(`units.${product.unit}`),
              })}
            </p>
          </header>
          {/* Hydrated in a task of its own (see the festival page's session list). */}
          <Suspense>
            <ProductPurchase product={product} renderedAt={Date.now()} />
          </Suspense>
        </div>
      </div>
      {product.description.zh ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("product.description")}</h2>
          <p className="leading-relaxed">{pick(product.description, locale)}</p>
        </section>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("product.fulfilment")}</h2>
        <FulfilmentList product={product} />
      </section>
      <dl className="grid gap-3 rounded-xl bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-500">{t("product.farmer")}</dt>
          <dd className="font-medium" data-testid="product-farmer">
            {/* Stored in Chinese only: on the English page it is marked as such (and read as Chinese). */}
            <span lang="zh-CN">{product.farmer.displayName}</span>
            {village === null ? (
              <span className="font-normal text-stone-600"> {t("nameInChinese")}</span>
            ) : village ? (
              ` · ${village}`
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t("product.workshop")}</dt>
          <dd className="font-medium">
            <Link
              href={`/shop/workshops/${product.workshop.slug}`}
              className="inline-flex min-h-11 items-center text-brand-700 underline"
            >
              {pick(product.workshop.name, locale)}
            </Link>
            {product.workshop.openingHours.zh ? (
              <span className="block text-stone-600">
                {t("workshop.openingHours")}: {pick(product.workshop.openingHours, locale)}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
    </article>
  );
}
