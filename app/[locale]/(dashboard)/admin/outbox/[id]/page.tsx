import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { StatusBadge } from "@/modules/outbox/components/status-badge";
import { findOutboxEmail, outboxStatus } from "@/modules/outbox/queries";

// One mail as the recipient got it. The HTML goes into a sandboxed iframe with no
// permissions at all: even a mail built wrongly could run no script and reach
// nothing of the admin's session.
export default async function OutboxEmailPage({ params }: PageProps<"/[locale]/admin/outbox/[id]">) {
  await enterLocale(params);
  const { id } = await params;
  await requirePagePermission("outbox.read", `/admin/outbox/${id}`);
  const mail = await findOutboxEmail(id);
  if (!mail) notFound();
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const status = outboxStatus(mail);
  return (
    <>
      <Link href="/admin/outbox" className="text-brand-700 text-sm underline">
        {t("back")}
      </Link>
      <PageTitle>{mail.subject}</PageTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-stone-500">{t("to")}</dt>
        <dd data-testid="email-to">{mail.to}</dd>
        <dt className="text-stone-500">{t("createdAt")}</dt>
        <dd>{format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</dd>
        <dt className="text-stone-500">{t("state")}</dt>
        <dd className="space-y-1">
          <StatusBadge status={status} label={t(`status.${status}`)} />
          {mail.sentAt ? (
            <span className="ml-2 text-stone-600">
              {t("sentAt", { time: format.dateTime(mail.sentAt, { dateStyle: "medium", timeStyle: "medium" }) })}
            </span>
          ) : null}
          {mail.error ? <p className="break-words text-red-700">{t("error", { error: mail.error })}</p> : null}
        </dd>
      </dl>
      {mail.order ? <p className="text-sm text-stone-600">{t("order", { code: mail.order.code })}</p> : null}
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("text")}</h2>
        <pre
          className="overflow-x-auto whitespace-pre-wrap break-words rounded-xl bg-white p-4 text-sm shadow-sm"
          data-testid="email-text"
        >
          {mail.text}
        </pre>
      </section>
      {mail.html ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("html")}</h2>
          <iframe
            title={t("htmlTitle")}
            sandbox=""
            srcDoc={mail.html}
            referrerPolicy="no-referrer"
            className="h-[32rem] w-full rounded-xl border border-stone-200 bg-white"
          />
        </section>
      ) : null}
    </>
  );
}
