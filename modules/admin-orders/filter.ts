import { choiceField, type FilterValues, listFilter, textField } from "@/lib/list-filter";
import type { SearchParams } from "@/lib/search-params";
import { ORDER_STATUSES } from "@/modules/bookings/filter";

// The admin's view of all orders: what the query string may ask for.

export const ORDER_KINDS = ["tickets", "products"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

const allOrdersFilter = listFilter({
  /** Order code, buyer's name, phone or e-mail. */
  q: textField("q"),
  status: choiceField("status", ORDER_STATUSES, { upperCase: true }),
  kind: choiceField("kind", ORDER_KINDS),
});

export type AllOrdersFilter = FilterValues<typeof allOrdersFilter.fields> & { page: number };

/** Anything unknown in the query string is ignored rather than refused. */
export function parseAllOrdersFilter(params: SearchParams): AllOrdersFilter {
  const { filter, page } = allOrdersFilter.parse(params);
  return { ...filter, page };
}

/** The filter as a query string, for the pager's links. */
export function allOrdersQuery(filter: AllOrdersFilter, page: number): string {
  return allOrdersFilter.query(filter, page);
}
