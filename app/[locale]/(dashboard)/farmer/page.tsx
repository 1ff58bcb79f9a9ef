import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { getFarmerProfileForUser } from "@/modules/farmers/queries";

export default async function FarmerPage({ params }: PageProps<"/[locale]/farmer">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("products.manageOwn", "/farmer");
  const t = await getTranslations("farmer");
  const profile = await getFarmerProfileForUser(user.id);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {profile ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl bg-white p-4 shadow-sm">
          <dt className="text-stone-500">{t("workshop")}</dt>
          <dd>{localized(profile.workshop, "name", locale)}</dd>
          <dt className="text-stone-500">{t("status")}</dt>
          <dd>{t(`statuses.${profile.status}`)}</dd>
          <dd className="col-span-2">{t("products", { count: profile._count.products })}</dd>
        </dl>
      ) : (
        <p>{t("noProfile")}</p>
      )}
    </>
  );
}
