import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { WorkshopForm } from "@/modules/workshops/components/workshop-form";

const EMPTY = {
  slug: "",
  nameZh: "",
  nameEn: "",
  storyZh: "",
  storyEn: "",
  village: "",
  openingHoursZh: "",
  openingHoursEn: "",
  phone: "",
  lat: "",
  lng: "",
  precision: "APPROXIMATE" as const,
};

export default async function NewWorkshopPage({ params }: PageProps<"/[locale]/admin/workshops/new">) {
  await enterLocale(params);
  await requirePagePermission("workshops.manage", "/admin/workshops/new");
  const t = await getTranslations("adminWorkshops");
  return (
    <>
      <PageTitle>{t("new")}</PageTitle>
      <Link href="/admin/workshops" className="text-brand-700 text-sm underline">
        ← {t("list")}
      </Link>
      <WorkshopForm initial={EMPTY} tiles={env.tiles} region={env.region} />
    </>
  );
}
