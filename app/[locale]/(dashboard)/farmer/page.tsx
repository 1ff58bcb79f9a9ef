import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/ui/bar-chart";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { requirePagePermission } from "@/modules/auth/session";
import { weeklySales } from "@/modules/farmers/order-line-queries";
import { farmerProfileOf } from "@/modules/farmers/product-queries";

export default async function FarmerPage({ params }: PageProps<"/[locale]/farmer">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("products.manageOwn", "/farmer");
  const t = await getTranslations("farmer");
  const profile = await farmerProfileOf(user.id);
  const approved = profile?.status === "APPROVED";
  const weeks = approved
    ? await weeklySales({ id: profile.id, workshopId: profile.workshopId, displayName: profile.displayName })
    : [];
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {profile ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl bg-white p-4 shadow-sm">
          <dt className="text-stone-500">{t("workshop")}</dt>
          <dd>{localized(profile.workshop, "name", locale)}</dd>
          <dt className="text-stone-500">{t("status")}</dt>
          <dd>{t(`statuses.${profile.status}`)}</dd>
        </dl>
      ) : (
        <p>{t("noProfile")}</p>
      )}
      {approved ? (
        <>
          <nav className="flex flex-wrap gap-3">
            <Link href="/farmer/products" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
              {t("productsLink")}
            </Link>
            <Link href="/farmer/orders" className="rounded-lg border border-stone-300 bg-white px-3 py-2">
              {t("ordersLink")}
            </Link>
          </nav>
          <section className="rounded-xl bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold text-lg">{t("salesPerWeek")}</h2>
            <BarChart
              testId="weekly-sales"
              label={t("salesPerWeek")}
              bars={weeks.map((w) => ({
                key: w.week,
                value: w.cents,
                label: w.week.slice(5),
                title: `${w.week}: ${formatMoney(w.cents, "CNY", locale)}`,
              }))}
            />
            <table className="mt-2 w-full text-sm">
              <thead>
                <tr className="text-left text-stone-500">
                  <th className="py-1">{t("week")}</th>
                  <th className="py-1">{t("lines")}</th>
                  <th className="py-1 text-right">{t("refunded")}</th>
                  <th className="py-1 text-right">{t("sales")}</th>
                </tr>
              </thead>
              <tbody>
                {weeks
                  .filter((w) => w.lines > 0 || w.refundedCents > 0)
                  .map((w) => (
                    <tr key={w.week} className="border-stone-100 border-t">
                      <td className="py-1">{w.week}</td>
                      <td className="py-1">{w.lines}</td>
                      <td className="py-1 text-right">
                        {w.refundedCents > 0 ? `−${formatMoney(w.refundedCents, "CNY", locale)}` : "—"}
                      </td>
                      <td className="py-1 text-right">{formatMoney(w.cents, "CNY", locale)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        </>
      ) : profile ? (
        <p className="text-stone-600">{t("pendingNote")}</p>
      ) : null}
    </>
  );
}
