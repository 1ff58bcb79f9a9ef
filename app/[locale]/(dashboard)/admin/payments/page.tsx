import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { formatMoney } from "@/lib/money";
import { configuredNames } from "@/lib/payments/provider";
import { RequeryButton } from "@/modules/admin-orders/components/requery-button";
import { openDifferences, recentReconciliations } from "@/modules/admin-orders/reconciliation";
import { requirePagePermission } from "@/modules/auth/session";

// The daily reconciliation: what the providers' bills and our records disagree on, and the
// last runs. Each difference can be asked about again (the provider's answer is applied).
export default async function PaymentsPage({ params }: PageProps<"/[locale]/admin/payments">) {
  const locale = await enterLocale(params);
  await requirePagePermission("payments.reconcile", "/admin/payments");
  const t = await getTranslations("reconciliation");
  const format = await getFormatter();
  const [differences, runs] = await Promise.all([openDifferences(), recentReconciliations()]);
  const money = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, "CNY", locale));
  const providers = configuredNames();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600">
        {t("intro")}{" "}
        {providers.length > 0
          ? t("providers", { names: providers.map((p) => t(`provider.${p}`)).join(t("separator")) })
          : t("demo")}
      </p>
      <section aria-labelledby="differences-heading" className="space-y-2">
        <h2 id="differences-heading" className="font-semibold text-lg">
          {t("differences")}
        </h2>
        {differences.length === 0 ? (
          <p className="text-stone-600" data-testid="no-differences">
            {t("none")}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm" data-testid="differences">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">{t("day")}</th>
                  <th className="p-2">{t("providerColumn")}</th>
                  <th className="p-2">{t("kindColumn")}</th>
                  <th className="p-2">{t("outTradeNo")}</th>
                  <th className="p-2 text-right">{t("there")}</th>
                  <th className="p-2 text-right">{t("here")}</th>
                  <th className="p-2" />
                </tr>
              </thead>
              <tbody>
                {differences.map((d) => (
                  <tr key={d.id} className="border-stone-100 border-t" data-kind={d.kind}>
                    <td className="p-2">{d.reconciliation.day}</td>
                    <td className="p-2">{t(`provider.${d.reconciliation.provider}`)}</td>
                    <td className="p-2">{t(`kind.${d.kind as "paid_there_not_here"}`)}</td>
                    <td className="p-2 font-mono">
                      {d.orderId ? (
                        <Link
                          href={`/admin/orders?q=${encodeURIComponent(d.outTradeNo.split("-")[0] ?? "")}`}
                          className="text-brand-700 underline"
                        >
                          {d.outTradeNo}
                        </Link>
                      ) : (
                        d.outTradeNo
                      )}
                    </td>
                    <td className="p-2 text-right">{money(d.providerCents)}</td>
                    <td className="p-2 text-right">{money(d.ourCents)}</td>
                    <td className="p-2">
                      {d.kind.startsWith("refund") ? null : <RequeryButton differenceId={d.id} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="runs-heading" className="space-y-2">
        <h2 id="runs-heading" className="font-semibold text-lg">
          {t("runs")}
        </h2>
        {runs.length === 0 ? (
          <p className="text-stone-600">{t("noRuns")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
            {runs.map((run) => (
              <li
                key={run.id}
                className="flex flex-wrap justify-between gap-2 p-2"
                data-run={`${run.provider}-${run.day}`}
              >
                <span>
                  {run.day} · {t(`provider.${run.provider}`)}
                </span>
                <span>
                  {t(`status.${run.status as "done"}`)}
                  {run.status === "done"
                    ? ` · ${t("lines", { count: run.billLines })} · ${t("open", { count: run._count.differences })}`
                    : ""}
                  {run.finishedAt
                    ? ` · ${format.dateTime(run.finishedAt, { dateStyle: "short", timeStyle: "short" })}`
                    : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
