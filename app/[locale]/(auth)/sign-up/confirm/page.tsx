import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { ConfirmSignUpForm } from "@/modules/auth/components/confirm-sign-up-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-up/confirm">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  // The address carries the token: no referrer, so no link on this page passes it on.
  return { title: t("signUpConfirm.title"), robots: { index: false }, referrer: "no-referrer" };
}

// The link mailed at sign-up: one button makes the account (opening the link alone makes nothing).
export default async function ConfirmSignUpPage({ params, searchParams }: PageProps<"/[locale]/sign-up/confirm">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <PageTitle>{t("signUpConfirm.title")}</PageTitle>
      <ConfirmSignUpForm token={typeof token === "string" ? token.slice(0, 128) : ""} />
    </>
  );
}
