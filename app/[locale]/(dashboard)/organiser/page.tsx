import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { listManagedFestivals } from "@/modules/auth/festival-scope";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { ConflictsPanel } from "@/modules/check-in/components/conflicts-panel";

export default async function OrganiserPage({ params }: PageProps<"/[locale]/organiser">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("festivals.manage", "/organiser");
  const t = await getTranslations("organiser");
  const format = await getFormatter();
  const festivals = await listManagedFestivals(user);
  const tCheckIn = await getTranslations("checkIn");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {can(user.role, "checkIn.perform") ? (
        <Link
          href="/organiser/check-in"
          className="inline-block rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white"
        >
          {tCheckIn("dashboardLink")}
        </Link>
      ) : null}
      {can(user.role, "checkIn.perform") ? <ConflictsPanel userId={user.id} /> : null}
      <Link href="/organiser/audit" className="block text-brand-700 text-sm underline">
        {(await getTranslations("audit"))("dashboardLink")}
      </Link>
      <h2 className="font-semibold text-lg">{t("festivals")}</h2>
      <Link
        href="/organiser/festivals/new"
        className="inline-block rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
      >
        + {(await getTranslations("festivalEditor"))("new")}
      </Link>
      {festivals.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {festivals.map((f) => (
            <li key={f.id} className="rounded-xl bg-white p-4 shadow-sm">
              <Link href={`/organiser/festivals/${f.slug}`} className="font-medium text-brand-700 underline">
                {localized(f, "name", locale)}
              </Link>
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
