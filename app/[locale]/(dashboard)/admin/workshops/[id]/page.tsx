import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { WorkshopForm } from "@/modules/workshops/components/workshop-form";
import { getWorkshopForEditor } from "@/modules/workshops/queries";

export default async function EditWorkshopPage({ params }: PageProps<"/[locale]/admin/workshops/[id]">) {
  await enterLocale(params);
  const { id } = await params;
  await requirePagePermission("workshops.manage", `/admin/workshops/${id}`);
  const workshop = await getWorkshopForEditor(id);
  if (!workshop) notFound();
  const t = await getTranslations("adminWorkshops");
  return (
    <>
      <PageTitle>{t("edit")}</PageTitle>
      <div className="flex flex-wrap gap-3 text-sm">
        <Link href="/admin/workshops" className="text-brand-700 underline">
          ← {t("list")}
        </Link>
        <Link href={`/shop/workshops/${workshop.slug}`} className="ml-auto text-brand-700 underline">
          {t("view")}
        </Link>
      </div>
      <WorkshopForm initial={workshop} tiles={env.tiles} region={env.region} />
    </>
  );
}
