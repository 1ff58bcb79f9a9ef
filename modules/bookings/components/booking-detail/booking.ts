import type { getFormatter } from "next-intl/server";
import type { findBooking } from "../../queries";

/** One order as the back office sees it, already cut to the viewer's festivals. */
export type BookingDetail = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A moment on the booking's page: "2025年6月4日 08:00". */
export function bookingDateTime(format: Formatter, date: Date): string {
  return format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
}
