import { ORDER_STATUSES, type OrderStatusFilter } from "@/modules/bookings/filter";

// The admin's view of all orders: what the query string may ask for.

export const ORDER_KINDS = ["tickets", "products"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export type AllOrdersFilter = {
  /** Order code, buyer's name, phone or e-mail. */
  q?: string;
  status?: OrderStatusFilter;
  kind?: OrderKind;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : undefined;
}

/** Anything unknown in the query string is ignored rather than refused. */
export function parseAllOrdersFilter(params: Params): AllOrdersFilter {
  const status = one(params, "status")?.toUpperCase();
  const kind = one(params, "kind");
  const page = Number(one(params, "page") ?? "1");
  return {
    q: one(params, "q")?.trim().slice(0, 100) || undefined,
    status: ORDER_STATUSES.includes(status as OrderStatusFilter) ? (status as OrderStatusFilter) : undefined,
    kind: ORDER_KINDS.includes(kind as OrderKind) ? (kind as OrderKind) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The filter as a query string, for the pager's links. */
export function allOrdersQuery(filter: AllOrdersFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.q) query.set("q", filter.q);
  if (filter.status) query.set("status", filter.status.toLowerCase());
  if (filter.kind) query.set("kind", filter.kind);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
