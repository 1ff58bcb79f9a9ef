import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { RouteExplorer } from "@/modules/routes/components/route-explorer";
import { toCardData } from "@/modules/routes/presenters";
import { getPublishedRoutes } from "@/modules/routes/queries";

// Served from the cache; the route editor expires it when it publishes.
export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<"/[locale]/routes">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "routes" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/routes",
    title: t("title"),
    description: t("intro"),
    siteName: tm("siteName"),
  });
}

export default async function RoutesPage({ params }: PageProps<"/[locale]/routes">) {
  await enterLocale(params);
  const t = await getTranslations("routes");
  const routes = (await getPublishedRoutes()).map(toCardData);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-4 text-stone-600">{t("intro")}</p>
      {/* Rendered whole on the server (the cached HTML lists every route); filters and map follow in the browser. */}
      <RouteExplorer routes={routes} tiles={env.tiles} />
    </>
  );
}
