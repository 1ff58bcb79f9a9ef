import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { paymentReference } from "@/lib/payments/reference";
import { OrderStatusSelect } from "@/modules/bookings/components/order-status-select";
import { type AllOrdersFilter, ORDER_KINDS } from "../filter";
import type { searchAllOrders } from "../queries";

type Order = Awaited<ReturnType<typeof searchAllOrders>>["orders"][number];

/** Search by code or buyer, filter by status and kind. */
export async function AllOrdersFilters({ filter }: { filter: AllOrdersFilter }) {
  const t = await getTranslations("adminOrders");
  return (
    <FilterForm columns="sm:grid-cols-[2fr_1fr_1fr_auto]" submit={t("filter")}>
      <FilterInput label={t("search")} name="q" defaultValue={filter.q} placeholder={t("searchPlaceholder")} />
      <OrderStatusSelect value={filter.status} label={t("status")} all={t("allStatuses")} />
      <FilterSelect
        label={t("kind")}
        name="kind"
        defaultValue={filter.kind}
        all={t("kinds.all")}
        options={ORDER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
    </FilterForm>
  );
}

/** One page of orders, each linked to its page. */
export async function AllOrdersTable({ orders, locale }: { orders: Order[]; locale: string }) {
  const t = await getTranslations("adminOrders");
  const to = await getTranslations("order");
  const tp = await getTranslations("payments");
  const format = await getFormatter();
  const columns: Column<Order>[] = [
    {
      key: "code",
      header: t("code"),
      className: "font-mono",
      cell: (o) => (
        <Link href={`/organiser/orders/${o.id}`} className="text-brand-700 underline">
          {o.code}
        </Link>
      ),
    },
    {
      key: "created",
      header: t("created"),
      className: "whitespace-nowrap",
      cell: (o) => format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" }),
    },
    {
      key: "buyer",
      header: t("buyer"),
      cell: (o) => (
        <>
          <span className="block">{o.customerName}</span>
          <span className="block text-stone-500 text-xs">
            {o.customerPhone} · {o.customerEmail}
          </span>
        </>
      ),
    },
    {
      key: "items",
      header: t("items"),
      cell: (o) => o.items.map((i) => `${pick({ zh: i.nameZh, en: i.nameEn }, locale)} × ${i.quantity}`).join(" · "),
    },
    {
      key: "total",
      header: t("total"),
      numeric: true,
      className: "whitespace-nowrap",
      cell: (o) => formatMoney(o.totalCents, o.currency, locale),
    },
    {
      key: "payment",
      header: t("payment"),
      cell: (o) => {
        const paid = paymentReference(o.payments);
        return paid ? (
          <>
            <span className="block">{tp(`providerName.${paid.provider}`)}</span>
            <span className="block break-all font-mono text-stone-600 text-xs">{paid.reference}</span>
          </>
        ) : null;
      },
    },
    {
      key: "status",
      header: t("status"),
      className: "whitespace-nowrap",
      cell: (o) => to(`status.${o.status.toLowerCase() as "paid"}`),
    },
  ];
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      rows={orders}
      rowKey={(o) => o.id}
      rowData={(o) => ({ "data-order": o.code })}
      empty={t("none")}
    />
  );
}
