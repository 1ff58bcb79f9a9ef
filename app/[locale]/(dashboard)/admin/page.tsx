import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { getCatalogueCounts, listUsers } from "@/modules/users/queries";

export default async function AdminPage({ params }: PageProps<"/[locale]/admin">) {
  await enterLocale(params);
  await requirePagePermission("users.manage", "/admin");
  const t = await getTranslations("admin");
  const tr = await getTranslations("roles");
  const to = await getTranslations("outbox");
  const tp = await getTranslations("reconciliation");
  const tw = await getTranslations("adminWorkshops");
  const tf = await getTranslations("adminFarmers");
  const tor = await getTranslations("adminOrders");
  const ta = await getTranslations("audit");
  const tu = await getTranslations("adminUsers");
  const format = await getFormatter();
  const [users, counts] = await Promise.all([listUsers(), getCatalogueCounts()]);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600" data-testid="catalogue-counts">
        {t("counts", counts)}
      </p>
      <nav className="flex flex-wrap items-center gap-2 text-sm">
        <Link href="/admin/routes" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {t("routesLink")}
        </Link>
        <Link href="/admin/workshops" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {tw("title")}
        </Link>
        <Link href="/admin/farmers" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {tf("title")}
        </Link>
        <Link href="/admin/orders" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {tor("title")}
        </Link>
        <Link href="/admin/users" className="rounded-lg bg-brand-600 px-3 py-2 text-white">
          {tu("title")}
        </Link>
        <Link href="/admin/payments" className="text-brand-700 underline">
          {tp("title")}
        </Link>
        <Link href="/admin/outbox" className="text-brand-700 underline">
          {to("title")}
        </Link>
        <Link href="/admin/audit" className="text-brand-700 underline">
          {ta("dashboardLink")}
        </Link>
      </nav>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("users")}</h2>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("name")}</th>
                <th className="p-2">{t("email")}</th>
                <th className="p-2">{t("role")}</th>
                <th className="p-2">{t("createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-stone-100 border-t">
                  <td className="p-2">{u.name}</td>
                  <td className="p-2">{u.email}</td>
                  <td className="p-2">{tr(u.role)}</td>
                  <td className="p-2">{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
