import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { getPublishedRoutes } from "@/modules/routes/queries";
import { getPublishedProducts, getPublishedWorkshops } from "@/modules/shop/queries";

export const revalidate = 3600;

const PUBLIC_PATHS = ["", "/routes", "/festivals", "/shop", "/trips"];

// Chinese at the bare path, English under /en, each entry naming its other language.
function entry(path: string, lastModified?: string): MetadataRoute.Sitemap[number] {
  return {
    url: `${env.siteUrl}${path || "/"}`,
    lastModified,
    alternates: { languages: { "zh-CN": `${env.siteUrl}${path || "/"}`, en: `${env.siteUrl}/en${path}` } },
  };
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [routes, workshops, products] = await Promise.all([
    getPublishedRoutes(),
    getPublishedWorkshops(),
    getPublishedProducts(),
  ]);
  return [
    ...PUBLIC_PATHS.map((p) => entry(p)),
    ...routes.map((r) => entry(`/routes/${r.slug}`, r.updatedAt)),
    ...workshops.map((w) => entry(`/shop/workshops/${w.slug}`, w.updatedAt)),
    ...products.map((p) => entry(`/shop/products/${p.slug}`, p.updatedAt)),
  ];
}
