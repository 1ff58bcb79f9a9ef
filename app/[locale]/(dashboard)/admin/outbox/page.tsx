import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { StatusBadge } from "@/modules/email/components/status-badge";
import { listOutbox, outboxStatus, parsePage } from "@/modules/email/queries";
import { listTextMessages, TEXT_OUTBOX_SIZE } from "@/modules/sms/queries";
import { textGateway } from "@/modules/sms/send";

// Every mail the site has sent or kept, newest first: with no SMTP server this is where mails end up.
// The newest text messages follow, kept the same way when no SMS gateway is configured.
export default async function OutboxPage({ params, searchParams }: PageProps<"/[locale]/admin/outbox">) {
  await enterLocale(params);
  await requirePagePermission("outbox.read", "/admin/outbox");
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const { mails, page, pages, total } = await listOutbox(parsePage((await searchParams).page));
  const texts = await listTextMessages();
  const pageLink = (n: number) => (n === 1 ? "/admin/outbox" : `/admin/outbox?page=${n}`);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600">
        {t("intro")} {env.mail.smtpUrl ? t("smtpOn") : t("smtpOff")}
      </p>
      {mails.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("createdAt")}</th>
                <th className="p-2">{t("to")}</th>
                <th className="p-2">{t("subject")}</th>
                <th className="p-2">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id} className="border-stone-100 border-t align-top" data-email={mail.id}>
                  <td className="whitespace-nowrap p-2">
                    {format.dateTime(mail.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td className="p-2">{mail.to}</td>
                  <td className="p-2">
                    <Link href={`/admin/outbox/${mail.id}`} className="text-brand-700 hover:underline">
                      {mail.subject}
                    </Link>
                  </td>
                  <td className="p-2">
                    <StatusBadge status={outboxStatus(mail)} label={t(`status.${outboxStatus(mail)}`)} />
                    {mail.error ? <p className="mt-1 max-w-xs break-words text-red-700 text-xs">{mail.error}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex items-center gap-4 text-sm" aria-label={t("title")}>
        {page > 1 ? (
          <Link href={pageLink(page - 1)} className="text-brand-700 underline">
            {t("previous")}
          </Link>
        ) : null}
        <span className="text-stone-600">{t("page", { page, pages, total })}</span>
        {page < pages ? (
          <Link href={pageLink(page + 1)} className="text-brand-700 underline">
            {t("next")}
          </Link>
        ) : null}
      </nav>
      <section aria-labelledby="texts-heading" className="space-y-2">
        <h2 id="texts-heading" className="font-semibold text-lg">
          {t("texts.title")}
        </h2>
        <p className="text-stone-600">
          {t("texts.intro", { count: TEXT_OUTBOX_SIZE })} {textGateway() ? null : t("texts.gatewayOff")}
        </p>
        {texts.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("texts.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">{t("createdAt")}</th>
                  <th className="p-2">{t("to")}</th>
                  <th className="p-2">{t("texts.text")}</th>
                  <th className="p-2">{t("state")}</th>
                </tr>
              </thead>
              <tbody>
                {texts.map((text) => (
                  <tr key={text.id} className="border-stone-100 border-t align-top" data-text-message={text.id}>
                    <td className="whitespace-nowrap p-2">
                      {format.dateTime(text.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </td>
                    <td className="p-2">{text.to}</td>
                    <td className="p-2">{text.text}</td>
                    <td className="p-2">
                      <StatusBadge status={outboxStatus(text)} label={t(`status.${outboxStatus(text)}`)} />
                      {text.error ? (
                        <p className="mt-1 max-w-xs break-words text-red-700 text-xs">{text.error}</p>
                      ) : null}
                    </td>
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
