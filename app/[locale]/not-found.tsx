import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="py-12 text-center">
      <h1 className="font-bold text-2xl">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </section>
  );
}
