import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { TabBar } from "@/components/layout/tab-bar";
import { env } from "@/lib/env";
import { LAYOUT_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";
import { enterLocale } from "@/lib/i18n/page";
import { routing } from "@/lib/i18n/routing";
import { OG_LOCALES } from "@/lib/page-metadata";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: new URL(env.siteUrl),
    title: { default: t("title"), template: `%s · ${t("siteName")}` },
    description: t("description"),
    // No alternates here: a layout cannot know its page's path, so every public page
    // names its own canonical URL and language versions (lib/page-metadata.ts).
    openGraph: { siteName: t("siteName"), type: "website", locale: OG_LOCALES[locale] },
    manifest: "/manifest.webmanifest",
    icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f7a4a" };

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "nav" });
  return (
    <html lang={locale}>
      {/* On a phone the tab bar is fixed to the bottom: the body leaves its height free. */}
      <body className="flex min-h-dvh flex-col pb-16 sm:pb-0">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={pickMessages(await getMessages(), LAYOUT_MESSAGES)}>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pt-4 pb-8">
            {children as ReactNode}
          </main>
          <SiteFooter />
          <TabBar />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
