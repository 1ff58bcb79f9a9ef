import { getTranslations } from "next-intl/server";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { localized } from "@/lib/localized";
import type { AuditEntityType, AuditFilter } from "../filter";
import type { AuditAction } from "../record-audit";

type Festival = { id: string; nameZh: string; nameEn: string };

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
    <FilterForm
      columns="sm:grid-cols-2 lg:grid-cols-4"
      submit={t("filter.submit")}
      reset={{ href: basePath, label: t("filter.reset") }}
      testId="audit-filters"
    >
      <FilterSelect
        label={t("filter.action")}
        name="action"
        defaultValue={filter.action}
        all={t("filter.any")}
        options={actions.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
      />
      <FilterSelect
        label={t("filter.entity")}
        name="entity"
        defaultValue={filter.entityType}
        all={t("filter.any")}
        options={entityTypes.map((e) => ({ value: e, label: t(`entities.${e}`) }))}
      />
      <FilterSelect
        label={t("filter.festival")}
        name="festival"
        defaultValue={filter.festivalId}
        all={t("filter.any")}
        options={festivals.map((f) => ({ value: f.id, label: localized(f, "name", locale) }))}
      />
      <FilterInput label={t("filter.actor")} name="actor" defaultValue={filter.actor} maxLength={100} />
      <FilterInput label={t("filter.id")} name="id" type="text" defaultValue={filter.entityId} maxLength={64} />
      <FilterInput label={t("filter.from")} name="from" type="date" defaultValue={filter.from} />
      <FilterInput label={t("filter.to")} name="to" type="date" defaultValue={filter.to} />
    </FilterForm>
  );
}
