import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { LineFilters } from "@/modules/farmers/components/line-filters";
import { LineList } from "@/modules/farmers/components/line-list";
import { farmerLines, parseLineFilter } from "@/modules/farmers/order-line-queries";
import { requireFarmerPage } from "@/modules/farmers/page-access";
import { refundableLineView } from "@/modules/orders/line-refund-view";

// The farmer's inbox: only the lines for their own products, once paid.
export default async function FarmerOrdersPage({ params, searchParams }: PageProps<"/[locale]/farmer/orders">) {
  const locale = await enterLocale(params);
  const farmer = await requireFarmerPage("farmerOrders.manageOwn", "/farmer/orders");
  const t = await getTranslations("farmerOrders");
  const filter = parseLineFilter(await searchParams);
  const lines = await farmerLines(farmer, filter);
  const rows = await Promise.all(
    lines.map(async (line) => ({ line, refunds: await refundableLineView(line, locale) })),
  );
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <LineFilters filter={filter} />
      <LineList rows={rows} locale={locale} />
    </>
  );
}
