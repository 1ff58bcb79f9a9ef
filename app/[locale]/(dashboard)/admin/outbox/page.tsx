import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Pager } from "@/components/ui/pager";
import { env } from "@/lib/env";
import { enterLocale } from "@/lib/i18n/page";
import { textGateway } from "@/lib/sms/send";
import { requirePagePermission } from "@/modules/auth/session";
import { MailsTable, TextsTable } from "@/modules/outbox/components/outbox-tables";
import { listOutbox, parsePage } from "@/modules/outbox/queries";
import { listTextMessages, TEXT_OUTBOX_SIZE } from "@/modules/outbox/text-queries";

// Every mail the site has sent or kept, newest first: with no SMTP server this is where mails end up.
// The newest text messages follow, kept the same way when no SMS gateway is configured.
export default async function OutboxPage({ params, searchParams }: PageProps<"/[locale]/admin/outbox">) {
  await enterLocale(params);
  await requirePagePermission("outbox.read", "/admin/outbox");
  const t = await getTranslations("outbox");
  const { mails, page, pages, total } = await listOutbox(parsePage((await searchParams).page));
  const texts = await listTextMessages();
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-stone-600">
        {t("intro")} {env.mail.smtpUrl ? t("smtpOn") : t("smtpOff")}
      </p>
      <MailsTable mails={mails} />
      <Pager
        label={t("title")}
        page={page}
        pages={pages}
        href={(n) => (n === 1 ? "/admin/outbox" : `/admin/outbox?page=${n}`)}
        previous={t("previous")}
        next={t("next")}
        status={t("page", { page, pages, total })}
        arrows={false}
        always
      />
      <section aria-labelledby="texts-heading" className="space-y-2">
        <h2 id="texts-heading" className="font-semibold text-lg">
          {t("texts.title")}
        </h2>
        <p className="text-stone-600">
          {t("texts.intro", { count: TEXT_OUTBOX_SIZE })} {textGateway() ? null : t("texts.gatewayOff")}
        </p>
        <TextsTable texts={texts} />
      </section>
    </>
  );
}
