import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { listWorkshopsForAdmin } from "@/modules/workshops/queries";

export default async function AdminWorkshopsPage({ params }: PageProps<"/[locale]/admin/workshops">) {
  const locale = await enterLocale(params);
  await requirePagePermission("workshops.manage", "/admin/workshops");
  const t = await getTranslations("adminWorkshops");
  const format = await getFormatter();
  const workshops = await listWorkshopsForAdmin();
  return (
    <>
      <div className="flex items-center justify-between">
        <PageTitle>{t("title")}</PageTitle>
        <Link href="/admin/workshops/new" className="rounded-lg bg-brand-600 px-3 py-2 text-sm text-white">
          {t("new")}
        </Link>
      </div>
      {workshops.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {workshops.map((w) => (
            <li
              key={w.id}
              className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-3 shadow-sm"
              data-admin-workshop={w.slug}
            >
              <Link href={`/admin/workshops/${w.id}`} className="font-medium hover:underline">
                {localized(w, "name", locale)}
              </Link>
              <span className="text-stone-500 text-xs">
                {w.slug}
                {w.village ? ` · ${w.village}` : ""} · {t("farmersCount", { count: w._count.farmers })} ·{" "}
                {t("productsCount", { count: w._count.products })} ·{" "}
                {t("updated", { date: format.dateTime(w.updatedAt, { dateStyle: "medium" }) })}
              </span>
              {w.place ? null : (
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-amber-900 text-xs">
                  {t("noPlaceBadge")}
                </span>
              )}
              <Link href={`/shop/workshops/${w.slug}`} className="ml-auto text-brand-700 text-sm underline">
                {t("view")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
