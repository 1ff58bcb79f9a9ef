import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { ApplyForm } from "@/modules/farmer-applications/components/apply-form";
import { findMyApplication } from "@/modules/farmer-applications/queries";
import { listWorkshopOptions } from "@/modules/workshops/queries";

// A visitor applies to sell through a workshop, or sees where their application stands;
// once approved (a farmer now), the same page says so and leads to the workbench.
export default async function ApplyPage({ params }: PageProps<"/[locale]/farmer/apply">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("account.view", "/farmer/apply");
  const farmer = user.role === "FARMER";
  if (!farmer && !can(user.role, "farmer.apply")) forbidden();
  const t = await getTranslations("farmerApply");
  const format = await getFormatter();
  const [application, workshops] = await Promise.all([findMyApplication(user.id), listWorkshopOptions()]);
  const options = workshops.map((w) => ({
    id: w.id,
    name: w.village ? `${localized(w, "name", locale)} · ${w.village}` : localized(w, "name", locale),
  }));
  const rejected = application?.status === "REJECTED";
  const showForm = !farmer && (!application || rejected);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      {application ? (
        <section className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-testid="application-status">
          <h2 className="font-semibold text-lg">{t("yourApplication")}</h2>
          <p>
            <span className="text-stone-500">{t("statusLabel")}: </span>
            <span data-status={application.status} className="font-medium">
              {t(`status.${application.status}`)}
            </span>
          </p>
          <p className="text-sm text-stone-600">
            {application.displayName} · {application.village} · {localized(application.workshop, "name", locale)}
          </p>
          {application.status === "PENDING" ? (
            <p>{t("pendingBody", { date: format.dateTime(application.updatedAt, { dateStyle: "medium" }) })}</p>
          ) : null}
          {application.status === "APPROVED" ? (
            <p>
              {t("approvedBody")}{" "}
              <Link href="/farmer" className="text-brand-700 underline">
                {t("farmerLink")}
              </Link>
            </p>
          ) : null}
          {rejected ? (
            <>
              <p>{t("rejectedBody")}</p>
              <p className="rounded bg-red-50 p-2 text-berry-600" data-testid="rejection-reason">
                {t("reason", { reason: application.rejectionReason ?? "" })}
              </p>
              <p className="text-sm text-stone-600">{t("reapplyHint")}</p>
            </>
          ) : null}
        </section>
      ) : farmer ? (
        <p>
          {t("approvedBody")}{" "}
          <Link href="/farmer" className="text-brand-700 underline">
            {t("farmerLink")}
          </Link>
        </p>
      ) : (
        <p className="text-stone-600">{t("intro")}</p>
      )}
      {showForm ? (
        options.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("noWorkshops")}</p>
        ) : (
          <ApplyForm
            workshops={options}
            again={rejected}
            initial={
              application
                ? {
                    displayName: application.displayName,
                    village: application.village,
                    phone: application.phone,
                    workshopId: application.workshopId,
                  }
                : undefined
            }
          />
        )
      ) : null}
    </>
  );
}
