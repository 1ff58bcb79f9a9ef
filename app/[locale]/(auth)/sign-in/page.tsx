import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pageMetadata } from "@/lib/page-metadata";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInChoice } from "@/modules/account/components/sign-in-choice";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const tm = await getTranslations({ locale, namespace: "meta" });
  return pageMetadata({
    locale,
    path: "/sign-in",
    title: t("signInTitle"),
    siteName: tm("siteName"),
    robots: { index: false },
  });
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  await enterLocale(params);
  const { callbackUrl, method } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <PageTitle>{t("signInTitle")}</PageTitle>
      <SignInChoice
        callbackPath={typeof callbackUrl === "string" ? safeCallbackPath(callbackUrl, env.siteUrl) : null}
        initial={method === "email" ? "email" : "phone"}
      />
      <p className="mt-6 text-sm text-stone-600">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="text-brand-700 underline">
          {t("signUpSubmit")}
        </Link>
      </p>
    </>
  );
}
