import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { pageMetadata } from "@/lib/page-metadata";
import { ShopExplorer } from "@/modules/shop/components/shop-explorer";
import { chineseOnly, toCardData } from "@/modules/shop/presenters";
import { getPublishedProducts, getPublishedWorkshops } from "@/modules/shop/queries";
import { bySeason } from "@/modules/shop/season";

// Served from the cache; a farmer's product changes expire it (revalidateShop).
export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<"/[locale]/shop">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "shop" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/shop",
    title: t("title"),
    description: t("intro"),
    siteName: tm("siteName"),
  });
}

export default async function ShopPage({ params }: PageProps<"/[locale]/shop">) {
  const locale = await enterLocale(params);
  const t = await getTranslations("shop");
  const [products, workshops] = await Promise.all([getPublishedProducts(), getPublishedWorkshops()]);
  const renderedAt = Date.now();
  const cards = bySeason(products.map(toCardData), new Date(renderedAt));
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-stone-600">{t("intro")}</p>
      <section className="mb-6" aria-labelledby="shop-workshops">
        <h2 id="shop-workshops" className="mb-2 font-semibold text-lg">
          {t("workshopsTitle")}
        </h2>
        <ul className="flex gap-3 overflow-x-auto pb-1 sm:grid sm:grid-cols-2 sm:overflow-visible">
          {workshops.map((w) => (
            <li key={w.slug} className="w-64 shrink-0 sm:w-auto" data-workshop={w.slug}>
              <Link
                href={`/shop/workshops/${w.slug}`}
                className="block h-full rounded-xl border border-stone-200 bg-white p-3 shadow-sm hover:border-brand-600"
              >
                <span className="block font-medium text-brand-700">{pick(w.name, locale)}</span>
                <span className="block text-sm text-stone-600">
                  {chineseOnly(w.village, locale) ? `${w.village} · ` : ""}
                  {t("workshop.productCount", { count: w.products.length })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="mb-2 font-semibold text-lg">{t("productsTitle")}</h2>
      {/* Rendered whole on the server (so the cached HTML lists every product); search, filters and stock follow in the browser. */}
      <ShopExplorer
        products={cards}
        workshops={workshops.map((w) => ({ slug: w.slug, name: w.name }))}
        renderedAt={renderedAt}
      />
    </>
  );
}
