import { oneOf, pageParam, param, queryString, type SearchParams, searchText } from "@/lib/search-params";

export const ORDER_STATUSES = ["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED", "EXPIRED"] as const;
export type OrderStatusFilter = (typeof ORDER_STATUSES)[number];

export type BookingFilter = {
  /** Name, phone, e-mail, order code or ticket code. */
  q?: string;
  sessionId?: string;
  status?: OrderStatusFilter;
};

/** The bookings filter from a page's or the export's query string; anything unknown is ignored. */
export function parseBookingFilter(params: SearchParams): BookingFilter & { page: number } {
  return {
    q: searchText(params),
    sessionId: param(params, "session")?.slice(0, 64),
    status: oneOf(params, "status", ORDER_STATUSES, (v) => v.toUpperCase()),
    page: pageParam(params),
  };
}

/** The same filter as a query string, for links (pages, export). */
export function bookingFilterQuery(filter: BookingFilter, extra: Record<string, string> = {}): string {
  return queryString({
    q: filter.q,
    session: filter.sessionId,
    status: filter.status?.toLowerCase(),
    ...extra,
  });
}
