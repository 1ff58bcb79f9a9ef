import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { ChangePasswordForm } from "@/modules/auth/components/change-password-form";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  await enterLocale(params);
  const user = await requirePagePermission("account.view", "/account");
  const t = await getTranslations("account");
  const tr = await getTranslations("roles");
  const ta = await getTranslations("farmerApply");
  const tauth = await getTranslations("auth");
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl bg-white p-4 shadow-sm">
        <dt className="text-stone-500">{t("email")}</dt>
        <dd>{user.email}</dd>
        <dt className="text-stone-500">{t("role")}</dt>
        <dd data-testid="role">{tr(user.role)}</dd>
      </dl>
      {can(user.role, "farmer.apply") ? (
        <Link href="/farmer/apply" className="inline-block text-brand-700 underline" data-testid="apply-to-sell">
          {ta("accountLink")}
        </Link>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("ordersTitle")}</h2>
        <p className="text-stone-600">{t("ordersEmpty")}</p>
      </section>
      <section className="max-w-md">
        <h2 className="mb-2 font-semibold text-lg">{tauth("change.title")}</h2>
        <ChangePasswordForm email={user.email} />
      </section>
    </>
  );
}
