import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { Checkout } from "@/modules/basket/components/checkout";

export async function generateMetadata({ params }: PageProps<"/[locale]/checkout">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "basket" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/checkout",
    title: t("title"),
    siteName: tm("siteName"),
    robots: { index: false },
  });
}

// A static shell: the basket lives in the visitor's browser.
export default async function CheckoutPage({ params }: PageProps<"/[locale]/checkout">) {
  await enterLocale(params);
  const t = await getTranslations("basket");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <Checkout />
    </div>
  );
}
