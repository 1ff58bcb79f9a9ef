"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section className="py-12 text-center">
      <h1 className="font-bold text-2xl">{t("generic")}</h1>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-600 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </section>
  );
}
