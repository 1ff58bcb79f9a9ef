import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { LineActions } from "@/modules/farmers/components/line-actions";
import { LineWhere } from "@/modules/farmers/components/line-where";
import { nextSteps } from "@/modules/farmers/fulfilment-flow";
import { farmerLines, LINE_FILTERS, parseLineFilter } from "@/modules/farmers/order-lines";
import { requireFarmerPage } from "@/modules/farmers/page-access";

// The farmer's inbox: only the lines for their own products, once paid.
export default async function FarmerOrdersPage({ params, searchParams }: PageProps<"/[locale]/farmer/orders">) {
  const locale = await enterLocale(params);
  const farmer = await requireFarmerPage("farmerOrders.manageOwn", "/farmer/orders");
  const t = await getTranslations("farmerOrders");
  const format = await getFormatter();
  const filter = parseLineFilter(await searchParams);
  const lines = await farmerLines(farmer, filter);
  const query = (status: string) => ({ status, ...(filter.day ? { day: filter.day } : {}) });
  const csv = new URLSearchParams({ status: filter.status, ...(filter.day ? { day: filter.day } : {}) });
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <nav className="flex flex-wrap gap-2" aria-label={t("filter")}>
        {LINE_FILTERS.map((status) => (
          <Link
            key={status}
            href={{ pathname: "/farmer/orders", query: query(status) }}
            aria-current={filter.status === status ? "page" : undefined}
            className="rounded-full border border-stone-300 bg-white px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
          >
            {t(`filters.${status}`)}
          </Link>
        ))}
      </nav>
      <form className="flex flex-wrap items-end gap-2" action="">
        <input type="hidden" name="status" value={filter.status} />
        <label className="text-sm">
          <span className="block text-stone-600">{t("day")}</span>
          <input
            type="date"
            name="day"
            defaultValue={filter.day ?? ""}
            className="rounded-lg border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm">
          {t("filter")}
        </button>
        {filter.day ? (
          <>
            <Link href={{ pathname: "/farmer/orders", query: { status: filter.status } }} className="text-sm underline">
              {t("clear")}
            </Link>
            <Link
              href={{ pathname: "/farmer/orders/packing", query: { day: filter.day } }}
              className="text-brand-700 text-sm underline"
            >
              {t("packingList")}
            </Link>
          </>
        ) : null}
        <a href={`/api/farmer/orders.csv?${csv}`} className="text-brand-700 text-sm underline" download>
          {t("exportCsv")}
        </a>
      </form>
      {lines.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {lines.map((line) => (
          <li key={line.id} className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-order-line={line.order.code}>
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">
                {pick({ zh: line.nameZh, en: line.nameEn }, locale)} × {line.quantity}
              </span>
              <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm" data-testid="line-status">
                {t(`status.${line.fulfilmentStatus}`)}
              </span>
            </div>
            <p className="text-sm text-stone-700">
              {t("order")} <span className="font-mono">{line.order.code}</span> · {t("customer")}{" "}
              {line.order.customerName}{" "}
              <a href={`tel:${line.order.customerPhone}`} className="underline">
                {line.order.customerPhone}
              </a>
              {line.order.paidAt
                ? ` · ${t("paidAt")} ${format.dateTime(line.order.paidAt, { dateStyle: "short", timeStyle: "short" })}`
                : ""}
            </p>
            <p className="text-sm text-stone-700">
              <LineWhere line={line} locale={locale} />
            </p>
            <p className="text-sm">
              {formatMoney(line.totalCents + line.deliveryFeeCents, line.currency, locale)}
              {line.trackingNumber ? (
                <>
                  {" "}
                  · {t("tracking")} <span className="font-mono">{line.trackingNumber}</span>
                </>
              ) : null}
            </p>
            {line.fulfilmentMethod ? (
              <LineActions itemId={line.id} steps={nextSteps(line.fulfilmentMethod, line.fulfilmentStatus)} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
