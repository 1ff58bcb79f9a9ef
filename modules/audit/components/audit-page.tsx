import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import type { SearchParams } from "@/lib/search-params";
import { festivalScope, listManagedFestivals } from "@/modules/auth/festival-scope";
import type { CurrentUser } from "@/modules/auth/session";
import { AUDIT_ENTITY_TYPES, parseAuditFilter } from "../filter";
import { findAuditEntries } from "../queries";
import { AUDIT_ACTIONS } from "../record-audit";
import { AuditEntries } from "./audit-entries";
import { AuditFilters } from "./audit-filters";

// Entries about a festival carry its id; only those can concern an organiser.
const FESTIVAL_ACTIONS = AUDIT_ACTIONS.filter((a) => a.startsWith("festival.") || a.startsWith("booking."));
const FESTIVAL_ENTITIES = ["festival", "order"] as const;

/**
 * The two doors to the log. The admin's shows every back-office change on the platform;
 * the organiser's the changes to the festivals they run, by anyone, and offers only the
 * filters that can match those. Which entries a reader sees is their scope, not the door.
 */
const VIEWS = {
  admin: {
    basePath: "/admin/audit",
    title: "title",
    intro: "intro",
    actions: AUDIT_ACTIONS,
    entityTypes: AUDIT_ENTITY_TYPES,
    backToFestivals: false,
  },
  organiser: {
    basePath: "/organiser/audit",
    title: "organiserTitle",
    intro: "organiserIntro",
    actions: FESTIVAL_ACTIONS,
    entityTypes: FESTIVAL_ENTITIES,
    backToFestivals: true,
  },
} as const;

export type AuditView = keyof typeof VIEWS;

/**
 * The audit log, newest first, filtered through the URL. The caller checks the permission;
 * the entries and the festivals offered as a filter are those within the reader's scope
 * (every one for an admin, an organiser's own festivals otherwise), put in the query itself.
 */
export async function AuditPage({
  view,
  reader,
  searchParams,
  locale,
}: {
  view: AuditView;
  reader: Pick<CurrentUser, "id" | "role">;
  searchParams: SearchParams;
  locale: string;
}) {
  const { basePath, title, intro, actions, entityTypes, backToFestivals } = VIEWS[view];
  const t = await getTranslations("audit");
  const tb = await getTranslations("bookings");
  const format = await getFormatter();
  const { filter, page, invalid } = parseAuditFilter(searchParams);
  const [result, festivals] = await Promise.all([
    findAuditEntries(await festivalScope(reader), filter, page),
    listManagedFestivals(reader),
  ]);
  return (
    <>
      {backToFestivals ? (
        <nav className="text-sm">
          <Link href="/organiser" className="text-brand-700 underline">
            ← {tb("backToFestivals")}
          </Link>
        </nav>
      ) : null}
      <PageTitle>{t(title)}</PageTitle>
      <p className="text-stone-600">{t(intro)}</p>
      <AuditFilters
        basePath={basePath}
        filter={filter}
        actions={actions}
        entityTypes={entityTypes}
        festivals={festivals}
        locale={locale}
      />
      {invalid.length > 0 ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-2 text-amber-900 text-sm" data-testid="audit-invalid">
          {t("invalid", { params: format.list(invalid.map((p) => t(`filter.${p}`))) })}
        </p>
      ) : null}
      <AuditEntries basePath={basePath} caption={t(title)} filter={filter} result={result} locale={locale} />
    </>
  );
}
