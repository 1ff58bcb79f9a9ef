import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { refundLineAction, retryLineRefundAction } from "@/modules/farmers/actions";
import { LineCard } from "@/modules/farmers/components/line-card";
import { LineWhere } from "@/modules/farmers/components/line-where";
import { farmerLines, LINE_FILTERS, parseLineFilter } from "@/modules/farmers/order-lines";
import { requireFarmerPage } from "@/modules/farmers/page-access";
import { LineRefundPanel } from "@/modules/orders/components/line-refund-panel";
import { refundableLineView } from "@/modules/orders/line-refund-view";

// The farmer's inbox: only the lines for their own products, once paid.
export default async function FarmerOrdersPage({ params, searchParams }: PageProps<"/[locale]/farmer/orders">) {
  const locale = await enterLocale(params);
  const farmer = await requireFarmerPage("farmerOrders.manageOwn", "/farmer/orders");
  const t = await getTranslations("farmerOrders");
  const format = await getFormatter();
  const filter = parseLineFilter(await searchParams);
  const lines = await farmerLines(farmer, filter);
  const rows = await Promise.all(
    lines.map(async (line) => ({ line, refunds: await refundableLineView(line, locale) })),
  );
  const tr = await getTranslations("lineRefund");
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
        {rows.map(({ line, refunds }) => (
          <LineCard
            key={line.id}
            code={line.order.code}
            itemId={line.id}
            method={line.fulfilmentMethod}
            status={line.fulfilmentStatus}
            title={
              <span className="font-medium">
                {pick({ zh: line.nameZh, en: line.nameEn }, locale)} × {line.quantity}
              </span>
            }
            footer={
              <LineRefundPanel
                // An order refunded as a whole takes no further refunds; its past ones stay listed.
                line={line.order.status === "REFUNDED" ? { ...refunds, centsLeft: 0 } : refunds}
                refund={refundLineAction}
                retry={retryLineRefundAction}
              />
            }
          >
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
              {line.refundedCents > 0 ? (
                <span className="text-berry-600" data-testid="line-refunded">
                  {" "}
                  ·{" "}
                  {line.refundedQuantity > 0
                    ? tr("refundedUnits", {
                        quantity: line.refundedQuantity,
                        unit: refunds.unit,
                        amount: formatMoney(line.refundedCents, line.currency, locale),
                      })
                    : tr("refunded", { amount: formatMoney(line.refundedCents, line.currency, locale) })}
                </span>
              ) : null}
              {line.trackingNumber ? (
                <>
                  {" "}
                  · {t("tracking")} <span className="font-mono">{line.trackingNumber}</span>
                </>
              ) : null}
            </p>
          </LineCard>
        ))}
      </ul>
    </>
  );
}
