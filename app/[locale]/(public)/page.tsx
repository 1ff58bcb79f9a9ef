import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { SeasonStrip } from "@/modules/calendar/components/season-strip";

const CARDS = [
  { href: "/routes", title: "routesTitle", body: "routesBody" },
  { href: "/festivals", title: "festivalsTitle", body: "festivalsBody" },
  { href: "/shop", title: "shopTitle", body: "shopBody" },
  { href: "/trips", title: "tripsTitle", body: "tripsBody" },
] as const;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/",
    title: { absolute: t("title") },
    description: t("description"),
    siteName: t("siteName"),
  });
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  await enterLocale(params);
  const t = await getTranslations("home");
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-brand-700 px-6 py-10 text-white">
        <h1 className="font-bold text-3xl">{t("slogan")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("intro")}</p>
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        {CARDS.map((card) => (
          <Link
            key={card.href}
            href={card.href}
            className="block rounded-xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600"
          >
            <h2 className="font-semibold text-brand-700 text-xl">{t(card.title)}</h2>
            <p className="mt-2 text-stone-600">{t(card.body)}</p>
          </Link>
        ))}
      </section>
      <SeasonStrip />
    </div>
  );
}
