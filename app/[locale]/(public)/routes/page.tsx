import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/ui/coming-soon";
import { enterLocale } from "@/lib/i18n/page";

export async function generateMetadata({ params }: PageProps<"/[locale]/routes">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "nav" });
  return { title: t("routes") };
}

export default async function Page({ params }: PageProps<"/[locale]/routes">) {
  await enterLocale(params);
  const t = await getTranslations("nav");
  return <ComingSoon title={t("routes")} />;
}
