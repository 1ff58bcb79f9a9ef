import { z } from "zod";
import {
  choiceField,
  type FilterParam,
  type FilterValues,
  listFilter,
  type ParsedFilter,
  schemaField,
} from "@/lib/list-filter";
import type { SearchParams } from "@/lib/search-params";
import { AUDIT_ACTIONS, type AuditEntry } from "./record-audit";

// The audit log's filters as the query string carries them (a GET form): each value
// is parsed on its own, so a bad one is reported and ignored, never an error page.

export const AUDIT_ENTITY_TYPES = [
  "festival",
  "order",
  "route",
  "workshop",
  "farmer",
  "user",
] as const satisfies readonly AuditEntry["entityType"][];
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  });

/** Filter field → the query parameter that carries it and its parser (in the order links write them). */
const auditFilter = listFilter({
  action: choiceField("action", AUDIT_ACTIONS),
  entityType: choiceField("entity", AUDIT_ENTITY_TYPES),
  /** Part of the actor's e-mail. */
  actor: schemaField("actor", z.string().trim().toLowerCase().max(100)),
  entityId: schemaField("id", z.string().trim().max(64)),
  /** Suoqian calendar days, inclusive: "2027-06-11". */
  from: schemaField("from", day),
  to: schemaField("to", day),
  festivalId: schemaField("festival", z.string().trim().max(64)),
});

type Fields = typeof auditFilter.fields;
export type AuditFilter = FilterValues<Fields>;
export type AuditParam = FilterParam<Fields>;

/** The filter and page from a page's search params, and the names of the parameters that were ignored. */
export function parseAuditFilter(params: SearchParams): ParsedFilter<Fields> {
  return auditFilter.parse(params);
}

/** The filter as a query string, for the pager's links. */
export function auditFilterQuery(filter: AuditFilter, page = 1): string {
  return auditFilter.query(filter, page);
}
