import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { listRoutesForAdmin } from "@/modules/routes/admin-queries";
import { categoryToSlug } from "@/modules/routes/categories";
import { PublishToggle } from "@/modules/routes/components/editor/publish-toggle";
import { CategoryBadge } from "@/modules/routes/components/route-card";

export default async function AdminRoutesPage({ params }: PageProps<"/[locale]/admin/routes">) {
  const locale = await enterLocale(params);
  await requirePagePermission("routes.manage", "/admin/routes");
  const t = await getTranslations("adminRoutes");
  const format = await getFormatter();
  const routes = await listRoutesForAdmin();
  return (
    <>
      <div className="flex items-center justify-between">
        <PageTitle>{t("title")}</PageTitle>
        <Link href="/admin/routes/new" className="rounded-lg bg-brand-600 px-3 py-2 text-sm text-white">
          {t("new")}
        </Link>
      </div>
      <ul className="space-y-2">
        {routes.map((r) => (
          <li
            key={r.id}
            className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-3 shadow-sm"
            data-admin-route={r.slug}
          >
            <CategoryBadge category={categoryToSlug(r.category)} />
            <Link href={`/admin/routes/${r.id}`} className="font-medium hover:underline">
              {localized(r, "title", locale)}
            </Link>
            <span className="text-stone-500 text-xs">
              {t(`status.${r.status}`)} · {t("stopsCount", { count: r._count.stops })} ·{" "}
              {t("updated", { date: format.dateTime(r.updatedAt, { dateStyle: "medium" }) })}
            </span>
            <span className="ml-auto">
              <PublishToggle id={r.id} published={r.status === "PUBLISHED"} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
