import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { DaySales } from "../../queries";
import { SalesChart } from "../sales-chart";

/** Tickets sold per day: the chart, and the same figures as a table behind a disclosure. */
export async function SalesSection({ sales, locale }: { sales: DaySales[]; locale: string }) {
  const t = await getTranslations("bookings");
  return (
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
  );
}
