import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { allOrdersQuery, ORDER_KINDS, parseAllOrdersFilter } from "@/modules/admin-orders/filter";
import { searchAllOrders } from "@/modules/admin-orders/queries";
import { requirePagePermission } from "@/modules/auth/session";
import { ORDER_STATUSES } from "@/modules/bookings/filter";

// Every order on the platform, tickets and produce alike: search, filter, page through.
export default async function AdminOrdersPage({ params, searchParams }: PageProps<"/[locale]/admin/orders">) {
  const locale = await enterLocale(params);
  await requirePagePermission("orders.viewAll", "/admin/orders");
  const t = await getTranslations("adminOrders");
  const to = await getTranslations("order");
  const format = await getFormatter();
  const filter = parseAllOrdersFilter(await searchParams);
  const result = await searchAllOrders(filter);
  const select = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2";
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <form method="get" className="grid gap-2 rounded-xl bg-white p-3 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto]">
        <label className="text-sm">
          <span className="block text-stone-600">{t("search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("status")}</span>
          <select name="status" defaultValue={filter.status?.toLowerCase() ?? ""} className={select}>
            <option value="">{t("allStatuses")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s.toLowerCase()}>
                {to(`status.${s.toLowerCase() as "paid"}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("kind")}</span>
          <select name="kind" defaultValue={filter.kind ?? ""} className={select}>
            <option value="">{t("kinds.all")}</option>
            {ORDER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end">
          <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-white">
            {t("filter")}
          </button>
        </div>
      </form>
      <p className="text-sm" data-testid="orders-count">
        {t("found", { count: result.total })}
      </p>
      {result.orders.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("code")}</th>
                <th className="p-2">{t("created")}</th>
                <th className="p-2">{t("buyer")}</th>
                <th className="p-2">{t("items")}</th>
                <th className="p-2 text-right">{t("total")}</th>
                <th className="p-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.orders.map((o) => (
                <tr key={o.id} className="border-stone-100 border-t align-top" data-order={o.code}>
                  <td className="p-2 font-mono">
                    <Link href={`/organiser/orders/${o.id}`} className="text-brand-700 underline">
                      {o.code}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap p-2">
                    {format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" })}
                  </td>
                  <td className="p-2">
                    <span className="block">{o.customerName}</span>
                    <span className="block text-stone-500 text-xs">
                      {o.customerPhone} · {o.customerEmail}
                    </span>
                  </td>
                  <td className="p-2">
                    {o.items.map((i) => `${pick({ zh: i.nameZh, en: i.nameEn }, locale)} × ${i.quantity}`).join(" · ")}
                  </td>
                  <td className="whitespace-nowrap p-2 text-right">{formatMoney(o.totalCents, o.currency, locale)}</td>
                  <td className="whitespace-nowrap p-2">{to(`status.${o.status.toLowerCase() as "paid"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pages")}>
          {filter.page > 1 ? (
            <Link href={`/admin/orders${allOrdersQuery(filter, filter.page - 1)}`} className="underline">
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page: filter.page, pages: result.pages })}</span>
          {filter.page < result.pages ? (
            <Link href={`/admin/orders${allOrdersQuery(filter, filter.page + 1)}`} className="underline">
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
