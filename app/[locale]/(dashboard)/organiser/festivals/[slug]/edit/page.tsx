import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { FestivalEditor } from "@/modules/festivals/components/editor/festival-editor";
import { getFestivalForEditor, listPlacesForFestivalEditor } from "@/modules/festivals/editor-queries";

// Organisers edit only the festivals they run (anything else is 404, as on their other
// festival pages, so slugs cannot be probed); admins edit all. Never cached.
export default async function EditFestivalPage({ params }: PageProps<"/[locale]/organiser/festivals/[slug]/edit">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("festivals.manage", `/organiser/festivals/${slug}/edit`);
  const [festival, places] = await Promise.all([getFestivalForEditor(user, { slug }), listPlacesForFestivalEditor()]);
  if (!festival) notFound();
  const t = await getTranslations("festivalEditor");
  return (
    <>
      <nav className="flex flex-wrap gap-4 text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
        <Link href={`/organiser/festivals/${festival.slug}`} className="text-brand-700 underline">
          {t("dashboard")}
        </Link>
      </nav>
      <PageTitle>
        {t("edit")} · {localized(festival, "name", locale)}
      </PageTitle>
      <FestivalEditor key={festival.id} initial={festival} places={places} />
    </>
  );
}
