import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { AccountOrders } from "@/modules/account/components/account-orders";
import { AccountTickets } from "@/modules/account/components/account-tickets";
import { ContactVerification } from "@/modules/account/components/contact-verification";
import { ProfileForm } from "@/modules/account/components/profile-form";
import { TextRemindersForm } from "@/modules/account/components/text-reminders-form";
import { findAccountOrders } from "@/modules/account/order-queries";
import { findProfile } from "@/modules/account/profile-queries";
import { findAccountTickets } from "@/modules/account/ticket-queries";
import { ChangePasswordForm } from "@/modules/auth/components/change-password-form";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { AccountTrips } from "@/modules/trips/components/account-trips";

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("account.view", "/account");
  const t = await getTranslations("account");
  const tr = await getTranslations("roles");
  const ta = await getTranslations("farmerApply");
  const tauth = await getTranslations("auth");
  const format = await getFormatter();
  const [profile, orders, tickets] = await Promise.all([
    findProfile(user.id),
    findAccountOrders(user.id),
    findAccountTickets(user.id),
  ]);
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
      <AccountTickets upcoming={tickets.upcoming} past={tickets.past} locale={locale} />
      <AccountOrders orders={orders} locale={locale} />
      <AccountTrips userId={user.id} />
      <section aria-labelledby="contacts-heading" className="max-w-md">
        <h2 id="contacts-heading" className="mb-2 font-semibold text-lg">
          {t("contacts.title")}
        </h2>
        <ContactVerification emails={profile?.emails ?? []} phones={profile?.phones ?? []} />
      </section>
      {profile ? (
        <section aria-labelledby="profile-heading" className="max-w-md">
          <h2 id="profile-heading" className="mb-2 font-semibold text-lg">
            {t("profile.title")}
          </h2>
          <ProfileForm profile={{ name: profile.name, phone: profile.phone, locale: profile.locale }} />
          <TextRemindersForm enabled={profile.textReminders} />
        </section>
      ) : null}
      {/* An account made with a phone number signs in with codes: it has no password to change. */}
      {user.email ? (
        <section className="max-w-md">
          <h2 className="mb-2 font-semibold text-lg">{tauth("change.title")}</h2>
          <ChangePasswordForm email={user.email} />
        </section>
      ) : null}
      <section aria-labelledby="privacy-heading" className="max-w-md space-y-2">
        <h2 id="privacy-heading" className="font-semibold text-lg">
          {t("privacy.title")}
        </h2>
        <p className="text-sm text-stone-600" data-testid="privacy-consent">
          {profile?.privacyConsentVersion && profile.privacyConsentAt
            ? t("privacy.consent", {
                version: profile.privacyConsentVersion,
                date: format.dateTime(profile.privacyConsentAt, { dateStyle: "medium" }),
              })
            : t("privacy.noConsent")}{" "}
          <Link href="/privacy" className="text-brand-700 underline">
            {t("privacy.notice")}
          </Link>
        </p>
        <ul className="space-y-2">
          <li>
            {/* A file, not a page: a plain link, so the browser downloads it. */}
            <a href="/api/account/export" download className="text-brand-700 underline" data-testid="export-link">
              {t("privacy.export")}
            </a>
            <p className="text-sm text-stone-600">{t("privacy.exportHint")}</p>
          </li>
          <li>
            <Link href="/account/delete" className="text-berry-600 underline">
              {t("privacy.delete")}
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
