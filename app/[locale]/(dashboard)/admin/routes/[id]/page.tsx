import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { getRouteForEditor, listPlacesForEditor } from "@/modules/routes/admin-queries";
import { PublishToggle } from "@/modules/routes/components/editor/publish-toggle";
import { RouteEditor } from "@/modules/routes/components/editor/route-editor";
import { newKey } from "@/modules/routes/components/editor/types";

export default async function EditRoutePage({ params }: PageProps<"/[locale]/admin/routes/[id]">) {
  await enterLocale(params);
  const { id } = await params;
  await requirePagePermission("routes.manage", `/admin/routes/${id}`);
  const [route, places] = await Promise.all([getRouteForEditor(id), listPlacesForEditor()]);
  if (!route) notFound();
  const t = await getTranslations("adminRoutes");
  const { status, ...fields } = route;
  const initial = { ...fields, stops: fields.stops.map((s) => ({ ...s, key: newKey() })) };
  return (
    <>
      <PageTitle>{t("edit")}</PageTitle>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="rounded-full bg-stone-200 px-2 py-0.5">{t(`status.${status}`)}</span>
        <PublishToggle id={route.id} published={status === "PUBLISHED"} />
        <Link href={`/admin/routes/${route.id}/preview`} className="text-brand-700 underline">
          {t("preview")}
        </Link>
        {status === "PUBLISHED" ? (
          <Link href={`/routes/${route.slug}`} className="text-brand-700 underline">
            {t("view")}
          </Link>
        ) : null}
        <Link href="/admin/routes" className="ml-auto text-brand-700 underline">
          {t("list")}
        </Link>
      </div>
      <RouteEditor initial={initial} places={places} tiles={env.tiles} region={env.region} />
    </>
  );
}
