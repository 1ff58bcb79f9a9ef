import { enterLocale } from "@/lib/i18n/page";
import { AuditPage } from "@/modules/audit/components/audit-page";
import { requirePagePermission } from "@/modules/auth/session";

// The changes to the organiser's own festivals (their scope is in the query), by anyone.
export default async function OrganiserAuditPage({ params, searchParams }: PageProps<"/[locale]/organiser/audit">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("audit.readOwnFestivals", "/organiser/audit");
  return <AuditPage view="organiser" reader={user} searchParams={await searchParams} locale={locale} />;
}
