import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { listFestivalsOrganisedBy } from "@/modules/festivals/queries";

export default async function OrganiserPage({ params }: PageProps<"/[locale]/organiser">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("festivals.manage", "/organiser");
  const t = await getTranslations("organiser");
  const format = await getFormatter();
  const festivals = await listFestivalsOrganisedBy(user.id);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <h2 className="font-semibold text-lg">{t("festivals")}</h2>
      {festivals.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {festivals.map((f) => (
            <li key={f.id} className="rounded-xl bg-white p-4 shadow-sm">
              <p className="font-medium">{localized(f, "name", locale)}</p>
              <p className="text-sm text-stone-600">
                {t("dates", {
                  start: format.dateTime(f.startsOn, { dateStyle: "medium" }),
                  end: format.dateTime(f.endsOn, { dateStyle: "medium" }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
