import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { AuditEntries } from "@/modules/audit/components/audit-entries";
import { AuditFilters } from "@/modules/audit/components/audit-filters";
import { parseAuditFilter } from "@/modules/audit/filter";
import { findAuditEntries } from "@/modules/audit/queries";
import { AUDIT_ACTIONS } from "@/modules/audit/record";
import { requirePagePermission } from "@/modules/auth/session";
import { festivalScope, listManagedFestivals } from "@/modules/bookings/access";

// Entries about a festival carry its id; only those can concern an organiser.
const FESTIVAL_ACTIONS = AUDIT_ACTIONS.filter((a) => a.startsWith("festival.") || a.startsWith("booking."));
const FESTIVAL_ENTITIES = ["festival", "order"] as const;

// The changes to the organiser's own festivals (their scope is in the query), by anyone.
export default async function OrganiserAuditPage({ params, searchParams }: PageProps<"/[locale]/organiser/audit">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("audit.readOwnFestivals", "/organiser/audit");
  const t = await getTranslations("audit");
  const tb = await getTranslations("bookings");
  const format = await getFormatter();
  const { filter, page, invalid } = parseAuditFilter(await searchParams);
  const [result, festivals] = await Promise.all([
    findAuditEntries(await festivalScope(user), filter, page),
    listManagedFestivals(user),
  ]);
  return (
    <>
      <nav className="text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          ← {tb("backToFestivals")}
        </Link>
      </nav>
      <PageTitle>{t("organiserTitle")}</PageTitle>
      <p className="text-stone-600">{t("organiserIntro")}</p>
      <AuditFilters
        basePath="/organiser/audit"
        filter={filter}
        actions={FESTIVAL_ACTIONS}
        entityTypes={FESTIVAL_ENTITIES}
        festivals={festivals}
        locale={locale}
      />
      {invalid.length > 0 ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-2 text-amber-900 text-sm" data-testid="audit-invalid">
          {t("invalid", { params: format.list(invalid.map((p) => t(`filter.${p}`))) })}
        </p>
      ) : null}
      <AuditEntries basePath="/organiser/audit" filter={filter} result={result} locale={locale} />
    </>
  );
}
