import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { ResetPasswordForm } from "@/modules/auth/components/reset-password-form";
import { isResetTokenUsable } from "@/modules/auth/password-reset";

export async function generateMetadata({ params }: PageProps<"/[locale]/reset-password">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  // The address carries the token: no referrer, so no link on this page passes it on.
  return { title: t("reset.title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params, searchParams }: PageProps<"/[locale]/reset-password">) {
  await enterLocale(params);
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  const value = typeof token === "string" ? token : "";
  const usable = await isResetTokenUsable(value);
  return (
    <>
      <PageTitle>{t("reset.title")}</PageTitle>
      {usable ? (
        <ResetPasswordForm token={value} />
      ) : (
        <div role="alert" className="space-y-2 rounded-xl bg-red-50 p-4 text-berry-600">
          <p>{t("reset.invalidLink")}</p>
          <Link href="/forgot-password" className="underline">
            {t("reset.askAgain")}
          </Link>
        </div>
      )}
    </>
  );
}
