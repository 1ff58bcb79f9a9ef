import { choiceField, type FilterValues, listFilter, textField } from "@/lib/list-filter";
import type { SearchParams } from "@/lib/search-params";

export const ORDER_STATUSES = ["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED", "EXPIRED"] as const;
export type OrderStatusFilter = (typeof ORDER_STATUSES)[number];

const bookingFilter = listFilter({
  /** Name, phone, e-mail, order code or ticket code. */
  q: textField("q"),
  sessionId: textField("session", { max: 64, trim: false }),
  status: choiceField("status", ORDER_STATUSES, { upperCase: true }),
});

export type BookingFilter = FilterValues<typeof bookingFilter.fields>;

/** The bookings filter from a page's or the export's query string; anything unknown is ignored. */
export function parseBookingFilter(params: SearchParams): BookingFilter & { page: number } {
  const { filter, page } = bookingFilter.parse(params);
  return { ...filter, page };
}

/** The same filter as a query string, for links (pages, export). */
export function bookingFilterQuery(filter: BookingFilter, extra: Record<string, string> = {}): string {
  return bookingFilter.query(filter, 1, extra);
}
