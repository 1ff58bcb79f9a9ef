import { oneOf, pageParam, queryString, type SearchParams, searchText } from "@/lib/search-params";
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

/** Anything unknown in the query string is ignored rather than refused. */
export function parseAllOrdersFilter(params: SearchParams): AllOrdersFilter {
  return {
    q: searchText(params),
    status: oneOf(params, "status", ORDER_STATUSES, (v) => v.toUpperCase()),
    kind: oneOf(params, "kind", ORDER_KINDS),
    page: pageParam(params),
  };
}

/** The filter as a query string, for the pager's links. */
export function allOrdersQuery(filter: AllOrdersFilter, page: number): string {
  return queryString({
    q: filter.q,
    status: filter.status?.toLowerCase(),
    kind: filter.kind,
    page: page > 1 && String(page),
  });
}
