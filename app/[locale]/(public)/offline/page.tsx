import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { KeptPagesList } from "@/modules/offline/components/kept-pages-list";

export async function generateMetadata({ params }: PageProps<"/[locale]/offline">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "offline" });
  return { title: t("title"), robots: { index: false } };
}

// Precached by the service worker (modules/offline/sw.ts), which shows it for any page it
// cannot fetch: it lists the ticket pages kept on the device.
export default async function OfflinePage({ params }: PageProps<"/[locale]/offline">) {
  await enterLocale(params);
  const t = await getTranslations("offline");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("body")}</p>
      <KeptPagesList heading={t("kept")} empty={t("none")} retry={t("retry")} />
    </div>
  );
}
