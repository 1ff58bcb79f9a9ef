import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { findManagedFestival } from "@/modules/bookings/access";
import { SalesChart } from "@/modules/bookings/components/sales-chart";
import { festivalStats, salesPerDay } from "@/modules/bookings/queries";

// The organiser's view of one festival: seats per session, sales per day, check-ins.
export default async function FestivalDashboardPage({ params }: PageProps<"/[locale]/organiser/festivals/[slug]">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/festivals/${slug}`);
  const festival = await findManagedFestival(user, slug);
  if (!festival) notFound();
  const t = await getTranslations("bookings");
  const format = await getFormatter();
  const [sessions, sales] = await Promise.all([festivalStats(festival.id), salesPerDay(festival.id)]);
  const sum = (key: "capacity" | "sold" | "held" | "remaining" | "checkedIn") =>
    sessions.reduce((total, s) => total + s[key], 0);
  const revenue = sales.reduce((total, d) => total + d.revenueCents, 0);
  return (
    <>
      <nav className="text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          ← {t("backToFestivals")}
        </Link>
      </nav>
      <PageTitle>{localized(festival, "name", locale)}</PageTitle>
      <div className="flex flex-wrap gap-2 text-sm">
        <Link href={`/organiser/festivals/${slug}/bookings`} className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {t("bookingsLink")}
        </Link>
        {can(user.role, "checkIn.perform") ? (
          <Link
            href={`/organiser/check-in?festival=${slug}`}
            className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
          >
            {t("checkInLink")}
          </Link>
        ) : null}
        <Link
          href={`/organiser/festivals/${slug}/waitlist`}
          className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
        >
          {t("waitlistLink")}
        </Link>
        <Link
          href={`/organiser/festivals/${slug}/edit`}
          className="rounded-lg border border-stone-300 px-3 py-2 text-stone-700"
        >
          {t("editLink")}
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="festival-totals">
        {(
          [
            ["sold", sum("sold")],
            ["held", sum("held")],
            ["remaining", sum("remaining")],
            ["checkedIn", sum("checkedIn")],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="rounded-xl bg-white p-3 shadow-sm" data-stat={key}>
            <dt className="text-sm text-stone-500">{t(`stats.${key}`)}</dt>
            <dd className="font-semibold text-2xl">{value}</dd>
          </div>
        ))}
        <div className="rounded-xl bg-white p-3 shadow-sm">
          <dt className="text-sm text-stone-500">{t("stats.revenue")}</dt>
          <dd className="font-semibold text-2xl">{formatMoney(revenue, "CNY", locale)}</dd>
        </div>
      </dl>
      <section className="rounded-xl bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold text-lg">{t("salesPerDay")}</h2>
        {sales.length === 0 ? (
          <p className="text-stone-500">{t("noSales")}</p>
        ) : (
          <>
            <SalesChart sales={sales} label={t("salesPerDay")} />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-stone-600">{t("salesTable")}</summary>
              <table className="mt-2 w-full text-left">
                <thead>
                  <tr>
                    <th className="p-1">{t("date")}</th>
                    <th className="p-1 text-right">{t("stats.sold")}</th>
                    <th className="p-1 text-right">{t("stats.revenue")}</th>
                  </tr>
                </thead>
                <tbody>
                  {sales.map((d) => (
                    <tr key={d.date} className="border-stone-100 border-t">
                      <td className="p-1">{d.date}</td>
                      <td className="p-1 text-right">{d.tickets}</td>
                      <td className="p-1 text-right">{formatMoney(d.revenueCents, "CNY", locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("sessions")}</h2>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("session")}</th>
                <th className="p-2 text-right">{t("stats.capacity")}</th>
                <th className="p-2 text-right">{t("stats.sold")}</th>
                <th className="p-2 text-right">{t("stats.held")}</th>
                <th className="p-2 text-right">{t("stats.remaining")}</th>
                <th className="p-2 text-right">{t("stats.checkedIn")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className="border-stone-100 border-t" data-session-row={s.id}>
                  <td className="p-2">
                    <Link
                      href={`/organiser/festivals/${slug}/bookings?session=${s.id}`}
                      className="text-brand-700 underline"
                    >
                      {sessionTime(format, s)}
                    </Link>
                  </td>
                  <td className="p-2 text-right">{s.capacity}</td>
                  <td className="p-2 text-right" data-stat="sold">
                    {s.sold}
                  </td>
                  <td className="p-2 text-right" data-stat="held">
                    {s.held}
                  </td>
                  <td className="p-2 text-right" data-stat="remaining">
                    {s.remaining}
                  </td>
                  <td className="p-2 text-right" data-stat="checkedIn">
                    {s.checkedIn}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
