import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { pageMetadata } from "@/lib/page-metadata";
import { getPublishedFestivals } from "@/modules/festivals/queries";

// Safety net: whatever an edit expires at once, a list kept by a render that raced it lasts five minutes at most.
export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<"/[locale]/festivals">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "festivals" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/festivals",
    title: t("title"),
    description: t("intro"),
    siteName: tm("siteName"),
  });
}

export default async function FestivalsPage({ params }: PageProps<"/[locale]/festivals">) {
  const locale = await enterLocale(params);
  const t = await getTranslations("festivals");
  const format = await getFormatter();
  const festivals = await getPublishedFestivals();
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-2 text-stone-600">{t("intro")}</p>
      <p className="mb-4 text-sm">
        <Link href="/calendar" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("calendarLink")}
        </Link>
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {festivals.map((f) => (
          <li key={f.slug} className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm" data-festival={f.slug}>
            <h2 className="font-semibold text-brand-700 text-xl">
              <Link href={`/festivals/${f.slug}`} className="hover:underline">
                {pick(f.name, locale)}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              {t("dates", { start: day(f.startsOn), end: day(f.endsOn) })} · {pick(f.venue, locale)}
            </p>
            <p className="mt-2 text-stone-700">{pick(f.summary, locale)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
