import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { ForgotPasswordForm } from "@/modules/auth/components/forgot-password-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/forgot-password">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/forgot-password",
    title: t("forgot.title"),
    siteName: tm("siteName"),
    robots: { index: false },
  });
}

export default async function ForgotPasswordPage({ params }: PageProps<"/[locale]/forgot-password">) {
  await enterLocale(params);
  const t = await getTranslations("auth");
  return (
    <>
      <PageTitle>{t("forgot.title")}</PageTitle>
      <p className="mb-4 text-sm text-stone-600">{t("forgot.intro")}</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("forgot.backToSignIn")}
        </Link>
      </p>
    </>
  );
}
