import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="no-print border-t border-stone-200 bg-white py-6 text-center text-sm text-stone-500">
      <p>{t("about")}</p>
      <p>{t("demo")}</p>
    </footer>
  );
}
