import { enterLocale } from "@/lib/i18n/page";
import { AuditPage } from "@/modules/audit/components/audit-page";
import { requirePagePermission } from "@/modules/auth/session";

// Every back-office change on the platform, newest first, filtered through the URL.
export default async function AdminAuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("audit.read", "/admin/audit");
  return <AuditPage view="admin" reader={user} searchParams={await searchParams} locale={locale} />;
}
