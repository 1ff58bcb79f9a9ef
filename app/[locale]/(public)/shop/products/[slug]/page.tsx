import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { FulfilmentList } from "@/modules/shop/components/fulfilment-list";
import { ProductPhoto } from "@/modules/shop/components/product-photo";
import { ProductPurchase } from "@/modules/shop/components/product-purchase";
import { findPublishedProducts } from "@/modules/shop/find-products";
import { getPublishedProducts } from "@/modules/shop/queries";

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
  return {
    title: pick(product.name, locale),
    description: pick(product.description, locale).slice(0, 160),
    alternates: { languages: { "zh-CN": `/shop/products/${slug}`, en: `/en/shop/products/${slug}` } },
  };
}

export default async function ProductPage({ params }: PageProps<"/[locale]/shop/products/[slug]">) {
  const locale = await enterLocale(params);
  const product = await productFor((await params).slug);
  if (!product) notFound();
  const t = await getTranslations("shop");
  const name = pick(product.name, locale);
  const images = product.images.length > 0 ? product.images : [null];
  return (
    <article className="space-y-6">
      <nav className="text-sm">
        <Link href="/shop" className="text-brand-700 underline">
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
          <ProductPurchase product={product} renderedAt={Date.now()} />
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
            {product.farmer.displayName} · {product.farmer.village}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">{t("product.workshop")}</dt>
          <dd className="font-medium">
            <Link href={`/shop/workshops/${product.workshop.slug}`} className="text-brand-700 underline">
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
