import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { AuditEntries } from "@/modules/audit/components/audit-entries";
import { AuditFilters } from "@/modules/audit/components/audit-filters";
import { AUDIT_ENTITY_TYPES, parseAuditFilter } from "@/modules/audit/filter";
import { findAuditEntries } from "@/modules/audit/queries";
import { AUDIT_ACTIONS } from "@/modules/audit/record";
import { requirePagePermission } from "@/modules/auth/session";
import { festivalScope, listManagedFestivals } from "@/modules/bookings/access";

// Every back-office change on the platform, newest first, filtered through the URL.
export default async function AdminAuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("audit.read", "/admin/audit");
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const { filter, page, invalid } = parseAuditFilter(await searchParams);
  const [result, festivals] = await Promise.all([
    findAuditEntries(await festivalScope(user), filter, page),
    listManagedFestivals(user),
  ]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600">{t("intro")}</p>
      <AuditFilters
        basePath="/admin/audit"
        filter={filter}
        actions={AUDIT_ACTIONS}
        entityTypes={AUDIT_ENTITY_TYPES}
        festivals={festivals}
        locale={locale}
      />
      {invalid.length > 0 ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-2 text-amber-900 text-sm" data-testid="audit-invalid">
          {t("invalid", { params: format.list(invalid.map((p) => t(`filter.${p}`))) })}
        </p>
      ) : null}
      <AuditEntries basePath="/admin/audit" filter={filter} result={result} locale={locale} />
    </>
  );
}
