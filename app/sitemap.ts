import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { languageAlternates } from "@/lib/page-metadata";
import { getPublishedFestivals } from "@/modules/festivals/queries";
import { getPublishedRoutes } from "@/modules/routes/queries";
import { getPublishedProducts, getPublishedWorkshops } from "@/modules/shop/queries";

export const revalidate = 3600;

const PUBLIC_PATHS = ["", "/routes", "/festivals", "/shop", "/trips", "/calendar"];

// Each language version of a page is an entry of its own, naming every version and
// x-default, as the page's <head> does (lib/page-metadata.ts).
function entries(path: string, lastModified?: string): MetadataRoute.Sitemap {
  const absolute = (p: string) => `${env.siteUrl}${p}`;
  return routing.locales.map((locale) => {
    const { canonical, languages } = languageAlternates(path || "/", locale);
    return {
      url: absolute(canonical),
      lastModified,
      alternates: {
        languages: Object.fromEntries(Object.entries(languages).map(([lang, p]) => [lang, absolute(p)])),
      },
    };
  });
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [routes, festivals, workshops, products] = await Promise.all([
    getPublishedRoutes(),
    getPublishedFestivals(),
    getPublishedWorkshops(),
    getPublishedProducts(),
  ]);
  return [
    ...PUBLIC_PATHS.flatMap((p) => entries(p)),
    ...routes.flatMap((r) => entries(`/routes/${r.slug}`, r.updatedAt)),
    ...festivals.flatMap((f) => entries(`/festivals/${f.slug}`)),
    ...workshops.flatMap((w) => entries(`/shop/workshops/${w.slug}`, w.updatedAt)),
    ...products.flatMap((p) => entries(`/shop/products/${p.slug}`, p.updatedAt)),
  ];
}
