import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { FestivalEditor } from "@/modules/festivals/components/editor/festival-editor";
import type { EditorFestival } from "@/modules/festivals/components/editor/types";
import { listPlacesForFestivalEditor } from "@/modules/festivals/editor-queries";

const EMPTY: EditorFestival = {
  status: "DRAFT",
  slug: "",
  kind: "other",
  nameZh: "",
  nameEn: "",
  summaryZh: "",
  summaryEn: "",
  descriptionZh: "",
  descriptionEn: "",
  venueZh: "",
  venueEn: "",
  placeId: "",
  startsOn: "",
  endsOn: "",
  salesStartAt: "",
  salesEndAt: "",
  cancellationCutoffHours: "24",
  maxTicketsPerOrder: "10",
  ticketTypes: [],
  sessions: [],
};

// A new festival starts as a draft, with whoever creates it as its organiser.
export default async function NewFestivalPage({ params }: PageProps<"/[locale]/organiser/festivals/new">) {
  await enterLocale(params);
  await requirePagePermission("festivals.manage", "/organiser/festivals/new");
  const t = await getTranslations("festivalEditor");
  const places = await listPlacesForFestivalEditor();
  return (
    <>
      <nav className="text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </nav>
      <PageTitle>{t("new")}</PageTitle>
      <FestivalEditor initial={EMPTY} places={places} />
    </>
  );
}
