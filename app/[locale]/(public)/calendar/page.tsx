import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { MonthCalendar } from "@/modules/calendar/components/month-calendar";
import { MonthNav } from "@/modules/calendar/components/month-nav";
import { MonthSeasons } from "@/modules/calendar/components/month-seasons";
import { dateKeyOf, monthOf } from "@/modules/calendar/month";
import { findWhatsOn } from "@/modules/calendar/queries";
import { monthToShow } from "@/modules/calendar/whats-on";

// Rendered per request: the month comes from the URL, "this month" from the clock, and
// the seats left from one small query; the catalogue itself is read from the cache.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/calendar">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "calendar" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/calendar",
    title: t("title"),
    description: t("intro"),
    siteName: tm("siteName"),
  });
}

export default async function CalendarPage({ params, searchParams }: PageProps<"/[locale]/calendar">) {
  await enterLocale(params);
  const t = await getTranslations("calendar");
  const now = new Date();
  const current = monthOf(now);
  const month = monthToShow((await searchParams).month, current);
  const whatsOn = await findWhatsOn(month, now);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600">{t("intro")}</p>
      <MonthNav month={month} current={current} />
      <MonthSeasons whatsOn={whatsOn} />
      <MonthCalendar whatsOn={whatsOn} today={dateKeyOf(now)} />
    </>
  );
}
