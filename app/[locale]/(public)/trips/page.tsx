import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { PUBLIC_CLIENT_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-messages";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { plannerCatalogue } from "@/modules/trips/catalogue";
import { TripPlanner } from "@/modules/trips/components/trip-planner";

export const revalidate = 3600;

export async function generateMetadata({ params }: PageProps<"/[locale]/trips">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "trips" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/trips",
    title: t("pageTitle"),
    description: t("intro"),
    siteName: tm("siteName"),
  });
}

// The planner is one client component over a static page: the catalogue it offers
// comes from the cached reads; seats, stock and warnings from the preview API.
export default async function TripsPage({ params }: PageProps<"/[locale]/trips">) {
  const locale = await enterLocale(params);
  const t = await getTranslations("trips");
  const tr = await getTranslations("routes");
  const messages = pickNamespaces(await getMessages(), [...PUBLIC_CLIENT_NAMESPACES, "trips"]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("pageTitle")}</PageTitle>
      <p className="text-stone-600">{t("intro")}</p>
      <NextIntlClientProvider locale={locale} messages={messages}>
        <TripPlanner
          catalogue={await plannerCatalogue()}
          tiles={env.tiles}
          mapLabels={{ map: tr("map"), tilesUnavailable: tr("tilesUnavailable") }}
        />
      </NextIntlClientProvider>
    </div>
  );
}
