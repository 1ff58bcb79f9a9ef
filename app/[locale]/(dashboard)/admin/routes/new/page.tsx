import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { listPlacesForEditor } from "@/modules/routes/admin-queries";
import { RouteEditor } from "@/modules/routes/components/editor/route-editor";
import type { EditorState } from "@/modules/routes/components/editor/types";

const EMPTY: EditorState = {
  slug: "",
  category: "red",
  difficulty: "easy",
  titleZh: "",
  titleEn: "",
  summaryZh: "",
  summaryEn: "",
  descriptionZh: "",
  descriptionEn: "",
  gettingThereZh: "",
  gettingThereEn: "",
  coverImageUrl: "",
  months: [],
  stops: [],
  path: null,
};

export default async function NewRoutePage({ params }: PageProps<"/[locale]/admin/routes/new">) {
  await enterLocale(params);
  await requirePagePermission("routes.manage", "/admin/routes/new");
  const t = await getTranslations("adminRoutes");
  const places = await listPlacesForEditor();
  return (
    <>
      <PageTitle>{t("new")}</PageTitle>
      <RouteEditor initial={EMPTY} places={places} tiles={env.tiles} region={env.region} />
    </>
  );
}
