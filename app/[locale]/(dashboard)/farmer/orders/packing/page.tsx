import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { shanghaiDateTimeText } from "@/lib/dates";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { LineWhere } from "@/modules/farmers/components/line-where";
import { PrintButton } from "@/modules/farmers/components/print-button";
import { packingList, parseLineFilter } from "@/modules/farmers/order-line-queries";
import { requireFarmerPage } from "@/modules/farmers/page-access";

// What to pack for the orders paid on one day: made to be printed.
export default async function PackingPage({ params, searchParams }: PageProps<"/[locale]/farmer/orders/packing">) {
  const locale = await enterLocale(params);
  const farmer = await requireFarmerPage("farmerOrders.manageOwn", "/farmer/orders/packing");
  const t = await getTranslations("farmerOrders");
  const tu = await getTranslations("farmerProducts.units");
  const day = parseLineFilter(await searchParams).day ?? shanghaiDateTimeText(new Date()).slice(0, 10);
  const { lines, totals } = await packingList(farmer, day);
  return (
    <>
      <PageTitle>{t("packingTitle", { day })}</PageTitle>
      <form className="no-print flex flex-wrap items-end gap-2" action="">
        <label className="text-sm">
          <span className="block text-stone-600">{t("chooseDay")}</span>
          <input type="date" name="day" defaultValue={day} className="rounded-lg border border-stone-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm">
          {t("filter")}
        </button>
        <PrintButton label={t("print")} />
      </form>
      {lines.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
      {totals.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("packingTotals")}</h2>
          <table className="w-full rounded-xl bg-white text-sm shadow-sm" data-testid="packing-totals">
            <tbody>
              {totals.map((x) => (
                <tr key={x.name.zh} className="border-stone-100 border-t first:border-t-0">
                  <td className="p-2">{pick(x.name, locale)}</td>
                  <td className="p-2 text-right font-semibold">
                    {x.quantity} {x.unit ? tu(x.unit as "JIN") : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {lines.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("packingOrders")}</h2>
          <ol className="space-y-2">
            {lines.map((line) => (
              <li key={line.id} className="rounded-xl border border-stone-200 bg-white p-3 text-sm break-inside-avoid">
                <p className="font-medium">
                  <span className="font-mono">{line.order.code}</span> · {line.order.customerName}{" "}
                  {line.order.customerPhone}
                </p>
                <p>
                  {pick({ zh: line.nameZh, en: line.nameEn }, locale)} × {line.quantity - line.refundedQuantity} ·{" "}
                  {t(`status.${line.fulfilmentStatus}`)}
                </p>
                <p className="text-stone-700">
                  <LineWhere line={line} locale={locale} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
