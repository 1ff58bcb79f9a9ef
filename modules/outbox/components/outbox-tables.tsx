import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import { outboxStatus } from "../queries";
import { StatusBadge } from "./status-badge";

type Kept = { id: string; to: string; createdAt: Date; sentAt: Date | null; error: string | null };
type Mail = Kept & { subject: string };
type Text = Kept & { text: string };

/** The columns a mail and a text share: when, to whom, and whether it went out (or why not). */
async function keptColumns<Row extends Kept>(middle: Column<Row>): Promise<Column<Row>[]> {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  return [
    {
      key: "createdAt",
      header: t("createdAt"),
      className: "whitespace-nowrap",
      cell: (row) => format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" }),
    },
    { key: "to", header: t("to"), cell: (row) => row.to },
    middle,
    {
      key: "state",
      header: t("state"),
      cell: (row) => (
        <>
          <StatusBadge status={outboxStatus(row)} label={t(`status.${outboxStatus(row)}`)} />
          {row.error ? <p className="mt-1 max-w-xs break-words text-red-700 text-xs">{row.error}</p> : null}
        </>
      ),
    },
  ];
}

/** One page of mails, newest first, each linked to the mail as sent. */
export async function MailsTable({ mails }: { mails: Mail[] }) {
  const t = await getTranslations("outbox");
  const columns = await keptColumns<Mail>({
    key: "subject",
    header: t("subject"),
    cell: (mail) => (
      <Link href={`/admin/outbox/${mail.id}`} className="text-brand-700 hover:underline">
        {mail.subject}
      </Link>
    ),
  });
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      rows={mails}
      rowKey={(mail) => mail.id}
      rowData={(mail) => ({ "data-email": mail.id })}
      empty={t("empty")}
    />
  );
}

/** The newest text messages, newest first. */
export async function TextsTable({ texts }: { texts: Text[] }) {
  const t = await getTranslations("outbox");
  const columns = await keptColumns<Text>({ key: "text", header: t("texts.text"), cell: (text) => text.text });
  return (
    <DataTable
      caption={t("texts.title")}
      columns={columns}
      rows={texts}
      rowKey={(text) => text.id}
      rowData={(text) => ({ "data-text-message": text.id })}
      empty={t("texts.empty")}
    />
  );
}
