export const ORDER_STATUSES = ["PENDING", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED", "EXPIRED"] as const;
export type OrderStatusFilter = (typeof ORDER_STATUSES)[number];

export type BookingFilter = {
  /** Name, phone, e-mail, order code or ticket code. */
  q?: string;
  sessionId?: string;
  status?: OrderStatusFilter;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : undefined;
}

/** The bookings filter from a page's or the export's query string; anything unknown is ignored. */
export function parseBookingFilter(params: Params): BookingFilter & { page: number } {
  const status = one(params, "status")?.toUpperCase();
  const page = Number(one(params, "page") ?? "1");
  return {
    q: one(params, "q")?.trim().slice(0, 100) || undefined,
    sessionId: one(params, "session")?.slice(0, 64),
    status: ORDER_STATUSES.includes(status as OrderStatusFilter) ? (status as OrderStatusFilter) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The same filter as a query string, for links (pages, export). */
export function bookingFilterQuery(filter: BookingFilter, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (filter.q) query.set("q", filter.q);
  if (filter.sessionId) query.set("session", filter.sessionId);
  if (filter.status) query.set("status", filter.status.toLowerCase());
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  const text = query.toString();
  return text ? `?${text}` : "";
}
