import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { SignUpForm } from "@/modules/account/components/sign-up-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-up">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/sign-up",
    title: t("signUpTitle"),
    siteName: tm("siteName"),
  });
}

export default async function SignUpPage({ params }: PageProps<"/[locale]/sign-up">) {
  await enterLocale(params);
  const t = await getTranslations("auth");
  const tp = await getTranslations("phone");
  return (
    <>
      <PageTitle>{t("signUpTitle")}</PageTitle>
      <p className="mb-4 rounded-lg bg-brand-50 p-3 text-brand-900 text-sm">
        {tp("signUpHint")}{" "}
        <Link href="/sign-in" className="underline">
          {tp("signUpHintLink")}
        </Link>
      </p>
      <SignUpForm />
      <p className="mt-6 text-sm text-stone-600">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("signInSubmit")}
        </Link>
      </p>
    </>
  );
}
