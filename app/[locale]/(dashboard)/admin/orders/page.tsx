import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Pager } from "@/components/ui/pager";
import { enterLocale } from "@/lib/i18n/page";
import { AllOrdersFilters, AllOrdersTable } from "@/modules/admin-orders/components/all-orders";
import { allOrdersQuery, parseAllOrdersFilter } from "@/modules/admin-orders/filter";
import { searchAllOrders } from "@/modules/admin-orders/queries";
import { requirePagePermission } from "@/modules/auth/session";

// Every order on the platform, tickets and produce alike: search, filter, page through.
export default async function AdminOrdersPage({ params, searchParams }: PageProps<"/[locale]/admin/orders">) {
  const locale = await enterLocale(params);
  await requirePagePermission("orders.viewAll", "/admin/orders");
  const t = await getTranslations("adminOrders");
  const filter = parseAllOrdersFilter(await searchParams);
  const result = await searchAllOrders(filter);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <AllOrdersFilters filter={filter} />
      <p className="text-sm" data-testid="orders-count">
        {t("found", { count: result.total })}
      </p>
      <AllOrdersTable orders={result.orders} locale={locale} />
      <Pager
        label={t("pages")}
        page={filter.page}
        pages={result.pages}
        href={(page) => `/admin/orders${allOrdersQuery(filter, page)}`}
        previous={t("previous")}
        next={t("next")}
        status={t("page", { page: filter.page, pages: result.pages })}
      />
    </>
  );
}
