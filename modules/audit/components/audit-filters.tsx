import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { localized } from "@/lib/localized";
import type { AuditEntityType, AuditFilter } from "../filter";
import type { AuditAction } from "../record";

type Festival = { id: string; nameZh: string; nameEn: string };

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2";

/** The log's filters as a GET form, so a filtered view is a link. */
export async function AuditFilters({
  basePath,
  filter,
  actions,
  entityTypes,
  festivals,
  locale,
}: {
  basePath: "/admin/audit" | "/organiser/audit";
  filter: AuditFilter;
  actions: readonly AuditAction[];
  entityTypes: readonly AuditEntityType[];
  festivals: Festival[];
  locale: string;
}) {
  const t = await getTranslations("audit");
  return (
    <form
      method="get"
      className="grid gap-2 rounded-xl bg-white p-3 text-sm shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      data-testid="audit-filters"
    >
      <label>
        <span className="block text-stone-600">{t("filter.action")}</span>
        <select name="action" defaultValue={filter.action ?? ""} className={input}>
          <option value="">{t("filter.any")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.entity")}</span>
        <select name="entity" defaultValue={filter.entityType ?? ""} className={input}>
          <option value="">{t("filter.any")}</option>
          {entityTypes.map((e) => (
            <option key={e} value={e}>
              {t(`entities.${e}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.festival")}</span>
        <select name="festival" defaultValue={filter.festivalId ?? ""} className={input}>
          <option value="">{t("filter.any")}</option>
          {festivals.map((f) => (
            <option key={f.id} value={f.id}>
              {localized(f, "name", locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.actor")}</span>
        <input name="actor" type="search" defaultValue={filter.actor ?? ""} maxLength={100} className={input} />
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.id")}</span>
        <input name="id" defaultValue={filter.entityId ?? ""} maxLength={64} className={input} />
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.from")}</span>
        <input name="from" type="date" defaultValue={filter.from ?? ""} className={input} />
      </label>
      <label>
        <span className="block text-stone-600">{t("filter.to")}</span>
        <input name="to" type="date" defaultValue={filter.to ?? ""} className={input} />
      </label>
      <div className="flex items-end gap-3">
        <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-white">
          {t("filter.submit")}
        </button>
        <Link href={basePath} className="py-2 text-brand-700 underline">
          {t("filter.reset")}
        </Link>
      </div>
    </form>
  );
}
