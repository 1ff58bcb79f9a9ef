import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function ComingSoon({ title }: { title: string }) {
  const t = await getTranslations("comingSoon");
  return (
    <section className="py-12 text-center">
      <h1 className="font-bold text-2xl">{title}</h1>
      <p className="mt-2 text-brand-700">{t("title")}</p>
      <p className="mt-1 text-stone-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
