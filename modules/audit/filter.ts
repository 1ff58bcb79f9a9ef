import { z } from "zod";
import { param } from "@/lib/search-params";
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from "./record";

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

export type AuditFilter = {
  action?: AuditAction;
  entityType?: AuditEntityType;
  /** Part of the actor's e-mail. */
  actor?: string;
  entityId?: string;
  /** Suoqian calendar days, inclusive: "2027-06-11". */
  from?: string;
  to?: string;
  festivalId?: string;
};

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
  });

/** Query parameter → its parser and the filter field it fills. */
const PARAMS = {
  action: z.enum(AUDIT_ACTIONS),
  entity: z.enum(AUDIT_ENTITY_TYPES),
  actor: z.string().trim().toLowerCase().max(100),
  id: z.string().trim().max(64),
  from: day,
  to: day,
  festival: z.string().trim().max(64),
  page: z.coerce.number().int().min(1).max(10_000),
} as const;

export type AuditParam = keyof typeof PARAMS;
type Params = Record<string, string | string[] | undefined>;

function parse<K extends AuditParam>(params: Params, key: K, invalid: AuditParam[]) {
  const raw = param(params, key);
  if (raw === undefined) return undefined;
  const parsed = PARAMS[key].safeParse(raw);
  if (!parsed.success) invalid.push(key);
  return parsed.success ? (parsed.data as z.output<(typeof PARAMS)[K]>) : undefined;
}

/** The filter and page from a page's search params, and the names of the parameters that were ignored. */
export function parseAuditFilter(params: Params): { filter: AuditFilter; page: number; invalid: AuditParam[] } {
  const invalid: AuditParam[] = [];
  const filter: AuditFilter = {
    action: parse(params, "action", invalid),
    entityType: parse(params, "entity", invalid),
    actor: parse(params, "actor", invalid) || undefined,
    entityId: parse(params, "id", invalid) || undefined,
    from: parse(params, "from", invalid),
    to: parse(params, "to", invalid),
    festivalId: parse(params, "festival", invalid) || undefined,
  };
  return { filter, page: parse(params, "page", invalid) ?? 1, invalid };
}

/** The filter as a query string, for the pager's links. */
export function auditFilterQuery(filter: AuditFilter, page = 1): string {
  const query = new URLSearchParams();
  const set = (key: AuditParam, value: string | undefined) => {
    if (value) query.set(key, value);
  };
  set("action", filter.action);
  set("entity", filter.entityType);
  set("actor", filter.actor);
  set("id", filter.entityId);
  set("from", filter.from);
  set("to", filter.to);
  set("festival", filter.festivalId);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
