import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditFilter, auditFilterQuery } from "../filter";
import { changeLines } from "../present";
import type { findAuditEntries } from "../queries";
import { AUDIT_ACTIONS, type AuditAction } from "../record-audit";

type Result = Awaited<ReturnType<typeof findAuditEntries>>;
type Entry = Result["entries"][number];
type BasePath = "/admin/audit" | "/organiser/audit";

const isAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
const isEntityType = (type: string): type is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type);

const entityTypeOf = (e: Entry) => (isEntityType(e.entityType) ? e.entityType : undefined);

async function Changes({ changes }: { changes: Entry["changes"] }) {
  const t = await getTranslations("audit");
  const lines = changeLines(changes);
  if (lines.length === 0) return <span className="text-stone-600">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {lines.map((line) => (
        <li key={line.field} className="break-words">
          <code className="text-stone-500">{line.field}</code>{" "}
          {line.kind === "field" ? (
            <>
              <span className="text-stone-500 line-through decoration-stone-300">{line.from}</span> → {line.to}
            </>
          ) : line.kind === "value" ? (
            line.value
          ) : (
            (
              [
                ["added", line.added],
                ["changed", line.changed],
                ["removed", line.removed],
              ] as const
            )
              .filter(([, items]) => items.length > 0)
              .map(([key, items]) => (
                <span key={key} className="block pl-2">
                  {t(key)}: {items.join("; ")}
                </span>
              ))
          )}
        </li>
      ))}
    </ul>
  );
}

/** The record an entry is about: its kind, its name linked to its page, and its id (the log filtered to it). */
function EntryRecord({
  entry,
  label,
  basePath,
  locale,
}: {
  entry: Entry;
  label: string;
  basePath: BasePath;
  locale: string;
}) {
  const { name, href } = entry.record;
  return (
    <>
      <span className="block text-stone-500 text-xs">{label}</span>
      {name && href ? (
        <Link href={href} className="text-brand-700 underline">
          {pick(name, locale)}
        </Link>
      ) : name ? (
        pick(name, locale)
      ) : null}
      <Link
        href={`${basePath}${auditFilterQuery({ entityType: entityTypeOf(entry), entityId: entry.entityId })}`}
        className="block font-mono text-stone-600 text-xs hover:underline"
      >
        {entry.entityId}
      </Link>
    </>
  );
}

/** The log's entries, newest first, with a pager that keeps the filter. */
export async function AuditEntries({
  basePath,
  caption,
  filter,
  result,
  locale,
}: {
  basePath: BasePath;
  caption: string;
  filter: AuditFilter;
  result: Result;
  locale: string;
}) {
  const t = await getTranslations("audit");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const columns: Column<Entry>[] = [
    {
      key: "time",
      header: t("columns.time"),
      className: "whitespace-nowrap",
      cell: (e) => format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" }),
    },
    {
      key: "actor",
      header: t("columns.actor"),
      cell: (e) => (
        <>
          <span className="block">{e.actorEmail}</span>
          <span className="block text-stone-500 text-xs">{tr(e.actorRole)}</span>
        </>
      ),
    },
    {
      key: "action",
      header: t("columns.action"),
      className: "whitespace-nowrap",
      cell: (e) => (isAction(e.action) ? t(`actions.${e.action}`) : e.action),
    },
    {
      key: "record",
      header: t("columns.record"),
      cell: (e) => (
        <EntryRecord
          entry={e}
          label={isEntityType(e.entityType) ? t(`entities.${e.entityType}`) : e.entityType}
          basePath={basePath}
          locale={locale}
        />
      ),
    },
    { key: "changes", header: t("columns.changes"), cell: (e) => <Changes changes={e.changes} /> },
  ];
  return (
    <>
      <p className="text-sm" data-testid="audit-count">
        {t("found", { count: result.total })}
      </p>
      <DataTable
        caption={caption}
        columns={columns}
        rows={result.entries}
        rowKey={(e) => e.id}
        rowData={(e) => ({
          "data-audit-entry": e.id,
          "data-action": e.action,
          "data-entity": e.entityId,
          "data-festival": e.festivalId ?? "",
        })}
        empty={t("none")}
      />
      <Pager
        label={t("pages")}
        page={result.page}
        pages={result.pages}
        href={(page) => `${basePath}${auditFilterQuery(filter, page)}`}
        previous={t("previous")}
        next={t("next")}
        status={t("page", { page: result.page, pages: result.pages })}
      />
    </>
  );
}
