import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { PhoneLink } from "@/components/ui/phone-link";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { DecisionButtons } from "@/modules/farmer-applications/components/decision-buttons";
import { listApplications } from "@/modules/farmer-applications/queries";

// Farmer applications: the waiting ones first (approve, or reject with a reason), then the decided.
export default async function AdminFarmersPage({ params }: PageProps<"/[locale]/admin/farmers">) {
  const locale = await enterLocale(params);
  await requirePagePermission("farmers.approve", "/admin/farmers");
  const t = await getTranslations("adminFarmers");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const { pending, decided } = await listApplications();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("pending", { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("nonePending")}</p>
        ) : (
          <ul className="space-y-3">
            {pending.map((a) => (
              <li key={a.id} className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-application={a.id}>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
                  <dt className="text-stone-500">{t("name")}</dt>
                  <dd className="font-medium">{a.displayName}</dd>
                  <dt className="text-stone-500">{t("account")}</dt>
                  <dd>
                    {a.user.name} · {a.user.email} · {tr(a.user.role)}
                  </dd>
                  <dt className="text-stone-500">{t("village")}</dt>
                  <dd>{a.village}</dd>
                  <dt className="text-stone-500">{t("phone")}</dt>
                  <dd>
                    <PhoneLink phone={a.phone} none="—" />
                  </dd>
                  <dt className="text-stone-500">{t("workshop")}</dt>
                  <dd>{localized(a.workshop, "name", locale)}</dd>
                  <dt className="text-stone-500">{t("appliedAt")}</dt>
                  <dd>{date(a.updatedAt)}</dd>
                </dl>
                <DecisionButtons id={a.id} name={a.displayName} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("decided")}</h2>
        {decided.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("noneDecided")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">{t("name")}</th>
                  <th className="p-2">{t("village")}</th>
                  <th className="p-2">{t("phone")}</th>
                  <th className="p-2">{t("workshop")}</th>
                  <th className="p-2">{t("decidedAt")}</th>
                  <th className="p-2">{t("decidedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {decided.map((a) => (
                  <tr key={a.id} className="border-stone-100 border-t align-top" data-application={a.id}>
                    <td className="p-2">
                      <span className="block font-medium">{a.displayName}</span>
                      <span className="block text-stone-500 text-xs">{a.user.email}</span>
                      <span
                        className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs ${a.status === "APPROVED" ? "bg-brand-50 text-brand-900" : "bg-red-50 text-berry-600"}`}
                      >
                        {t(`status.${a.status}`)}
                      </span>
                      {a.rejectionReason ? (
                        <span className="block text-stone-600 text-xs">
                          {t("reasonShown", { reason: a.rejectionReason })}
                        </span>
                      ) : null}
                    </td>
                    <td className="p-2">{a.village}</td>
                    <td className="p-2">{a.phone}</td>
                    <td className="p-2">{localized(a.workshop, "name", locale)}</td>
                    <td className="p-2">{a.decidedAt ? date(a.decidedAt) : ""}</td>
                    <td className="p-2">{a.decidedBy?.name ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
