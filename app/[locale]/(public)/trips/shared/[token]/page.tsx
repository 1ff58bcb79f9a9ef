import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { shanghaiDay } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { clock, evaluateTrip } from "@/modules/trips/evaluate";
import { loadTripFacts, suoqianToday } from "@/modules/trips/facts";
import { findSharedTrip } from "@/modules/trips/queries";

export const metadata: Metadata = { robots: { index: false }, referrer: "no-referrer" };

// A plan shared by its link: read-only, for whoever has the link.
export default async function SharedTripPage({ params }: PageProps<"/[locale]/trips/shared/[token]">) {
  const locale = await enterLocale(params);
  const { token } = await params;
  const plan = await findSharedTrip(token);
  if (!plan) notFound();
  const view = evaluateTrip(plan, await loadTripFacts(null), suoqianToday());
  const t = await getTranslations("trips");
  const tw = await getTranslations("trips.warnings");
  const format = await getFormatter();
  const title = (i: number) => {
    const item = view.items.find((v) => v.index === i);
    return item ? pick(item.title, locale) : t("planner.unknownItem");
  };
  return (
    <article className="space-y-5">
      <PageTitle>{plan.title}</PageTitle>
      <p className="text-sm text-stone-600">{t("shared.readOnly")}</p>
      {view.warnings.length > 0 ? (
        <ul className="list-disc rounded-xl bg-amber-50 p-3 pl-8 text-amber-900 text-sm">
          {view.warnings.map((w) => (
            <li key={`${w.code}-${w.items.join("-")}`}>
              {tw(w.code, { first: title(w.items[0] ?? -1), second: title(w.items[1] ?? -1), minutes: w.minutes ?? 0 })}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.days.map((day, dayIndex) => (
        <section key={day} className="space-y-2">
          <h2 className="font-semibold text-lg">
            {format.dateTime(shanghaiDay(day).start, { month: "long", day: "numeric", weekday: "long" })}
          </h2>
          <ol className="space-y-2">
            {view.items
              .filter((i) => i.dayIndex === dayIndex)
              .map((item) => (
                <li key={item.index} className="rounded-xl bg-white p-3 shadow-sm">
                  {item.travelMinutes ? (
                    <p className="text-stone-500 text-xs">{t("planner.drive", { minutes: item.travelMinutes })}</p>
                  ) : null}
                  <p className="font-medium tabular-nums">
                    {clock(item.startMinutes)}–{clock(item.endMinutes)} · {t(`planner.kind.${item.input.kind}`)}
                  </p>
                  <Link href={item.href} className="text-brand-800 underline">
                    {pick(item.title, locale)}
                  </Link>
                  {item.subtitle ? <p className="text-sm text-stone-600">{pick(item.subtitle, locale)}</p> : null}
                </li>
              ))}
          </ol>
        </section>
      ))}
      <p className="flex flex-wrap gap-4 text-sm">
        <a
          href={`/api/trips/shared/${token}/calendar?lang=${locale === "en" ? "en" : "zh"}`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >
          {t("planner.exportIcs")}
        </a>
        <Link href="/trips" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("shared.makeYourOwn")}
        </Link>
      </p>
    </article>
  );
}
