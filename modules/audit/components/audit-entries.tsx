import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { AUDIT_ENTITY_TYPES, type AuditEntityType, type AuditFilter, auditFilterQuery } from "../filter";
import { changeLines } from "../present";
import type { findAuditEntries } from "../queries";
import { AUDIT_ACTIONS, type AuditAction } from "../record";

type Result = Awaited<ReturnType<typeof findAuditEntries>>;
type Entry = Result["entries"][number];

const isAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);
const isEntityType = (type: string): type is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type);

const entityTypeOf = (e: Entry) => (isEntityType(e.entityType) ? e.entityType : undefined);

async function Changes({ changes }: { changes: Entry["changes"] }) {
  const t = await getTranslations("audit");
  const lines = changeLines(changes);
  if (lines.length === 0) return <span className="text-stone-400">—</span>;
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

/** The log's entries, newest first, with a pager that keeps the filter. */
export async function AuditEntries({
  basePath,
  filter,
  result,
  locale,
}: {
  basePath: "/admin/audit" | "/organiser/audit";
  filter: AuditFilter;
  result: Result;
  locale: string;
}) {
  const t = await getTranslations("audit");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const pageLink = (page: number) => `${basePath}${auditFilterQuery(filter, page)}`;
  return (
    <>
      <p className="text-sm" data-testid="audit-count">
        {t("found", { count: result.total })}
      </p>
      {result.entries.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("columns.time")}</th>
                <th className="p-2">{t("columns.actor")}</th>
                <th className="p-2">{t("columns.action")}</th>
                <th className="p-2">{t("columns.record")}</th>
                <th className="p-2">{t("columns.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {result.entries.map((e) => (
                <tr
                  key={e.id}
                  className="border-stone-100 border-t align-top"
                  data-audit-entry={e.id}
                  data-action={e.action}
                  data-entity={e.entityId}
                  data-festival={e.festivalId ?? ""}
                >
                  <td className="whitespace-nowrap p-2">
                    {format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td className="p-2">
                    <span className="block">{e.actorEmail}</span>
                    <span className="block text-stone-500 text-xs">{tr(e.actorRole)}</span>
                  </td>
                  <td className="whitespace-nowrap p-2">{isAction(e.action) ? t(`actions.${e.action}`) : e.action}</td>
                  <td className="p-2">
                    <span className="block text-stone-500 text-xs">
                      {isEntityType(e.entityType) ? t(`entities.${e.entityType}`) : e.entityType}
                    </span>
                    {e.record.name && e.record.href ? (
                      <Link href={e.record.href} className="text-brand-700 underline">
                        {pick(e.record.name, locale)}
                      </Link>
                    ) : e.record.name ? (
                      pick(e.record.name, locale)
                    ) : null}
                    <Link
                      href={`${basePath}${auditFilterQuery({ entityType: entityTypeOf(e), entityId: e.entityId })}`}
                      className="block font-mono text-stone-400 text-xs hover:underline"
                    >
                      {e.entityId}
                    </Link>
                  </td>
                  <td className="p-2">
                    <Changes changes={e.changes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pages")}>
          {result.page > 1 ? (
            <Link href={pageLink(result.page - 1)} className="underline">
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages ? (
            <Link href={pageLink(result.page + 1)} className="underline">
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
