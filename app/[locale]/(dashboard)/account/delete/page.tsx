import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { formatTicketCode } from "@/lib/ticket-code";
import { DeleteAccountForm } from "@/modules/account/components/delete-account-form";
import type { PlannedTicket } from "@/modules/account/plan-account-deletion";
import { planAccountDeletion } from "@/modules/account/plan-account-deletion";
import { findProfile } from "@/modules/account/profile-queries";
import { requirePagePermission } from "@/modules/auth/session";

export const metadata: Metadata = { robots: { index: false } };

// What deleting the account will do, then the confirmation with the password.
export default async function DeleteAccountPage({ params }: PageProps<"/[locale]/account/delete">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("account.view", "/account/delete");
  const t = await getTranslations("account.delete");
  const format = await getFormatter();
  const [plan, profile] = await Promise.all([planAccountDeletion(user.id), findProfile(user.id)]);
  const line = (ticket: PlannedTicket) =>
    `${pick(ticket.festival, locale)} · ${pick(ticket.ticketType, locale)} · ${format.dateTime(
      new Date(ticket.startsAt),
      {
        dateStyle: "medium",
        timeStyle: "short",
      },
    )} · ${formatTicketCode(ticket.code)}`;
  return (
    <div className="max-w-xl space-y-4">
      <Link href="/account" className="text-brand-700 text-sm underline">
        {t("back")}
      </Link>
      <PageTitle>{t("title")}</PageTitle>
      {!plan ? null : plan.staffRole ? (
        <p className="rounded-xl bg-white p-4 shadow-sm" role="alert">
          {t("errors.staffRole")}
        </p>
      ) : (
        <>
          <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-testid="deletion-plan">
            <h2 className="font-semibold">{t("whatHappens")}</h2>
            <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
              <li>{t("erased")}</li>
              <li>{t("signIn")}</li>
              <li>{t("plans")}</li>
              {plan.paidOrders > 0 ? <li>{t("ordersKept", { count: plan.paidOrders })}</li> : null}
              {plan.pendingOrderIds.length > 0 ? (
                <li>{t("pendingCancelled", { count: plan.pendingOrderIds.length })}</li>
              ) : null}
              <li>{t("exportFirst")}</li>
            </ul>
          </section>
          {plan.refundable.length > 0 ? (
            <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
              <h2 className="font-semibold">
                {t("refundableTitle", {
                  count: plan.refundable.length,
                  amount: formatMoney(
                    plan.refundable.reduce((sum, x) => sum + x.priceCents, 0),
                    plan.refundable[0]?.currency ?? "CNY",
                    locale,
                  ),
                })}
              </h2>
              <ul className="space-y-1 text-sm text-stone-700" data-testid="refundable-tickets">
                {plan.refundable.map((ticket) => (
                  <li key={ticket.id}>{line(ticket)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {plan.keptValid.length > 0 ? (
            <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
              <h2 className="font-semibold">{t("keptTitle", { count: plan.keptValid.length })}</h2>
              <p className="text-sm text-stone-600">{t("keptBody")}</p>
              <ul className="space-y-1 text-sm text-stone-700" data-testid="kept-tickets">
                {plan.keptValid.map((ticket) => (
                  <li key={ticket.id}>{line(ticket)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {plan.unsentParcels.length > 0 ? (
            <p className="rounded-xl bg-red-50 p-4 text-berry-600" role="alert">
              {t("errors.parcelsUnderWay")}{" "}
              {plan.unsentParcels
                .map((p) => `${p.orderCode} ${pick(p.name, locale)}`)
                .join(locale === "en" ? ", " : "，")}
            </p>
          ) : (
            <DeleteAccountForm
              email={user.email ?? ""}
              codePhone={profile && !profile.hasPassword ? profile.verifiedPhone : null}
            />
          )}
        </>
      )}
    </div>
  );
}
