import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="no-print border-t border-stone-200 bg-white py-6 text-center text-sm text-stone-500">
      <p>{t("about")}</p>
      <p>{t("demo")}</p>
      <p>
        <Link href="/privacy" className="inline-flex min-h-11 items-center underline">
          {t("privacy")}
        </Link>
      </p>
    </footer>
  );
}
