import "server-only";
import { toExcelCsv } from "@/lib/csv";
import { shanghaiDateTimeText } from "@/lib/dates";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { paymentReference } from "@/lib/payments/reference";
import type { BookingFilter } from "./filter";
import { exportBookings } from "./queries";

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** The festival's bookings as a CSV file, one row per ticket (per order line before tickets exist). */
export async function bookingsCsv(festivalId: string, filter: BookingFilter, locale: Locale): Promise<string> {
  const t = apiTranslator(locale);
  const orders = await exportBookings(festivalId, filter);
  const header = [
    t("bookings.csv.order"),
    t("bookings.csv.status"),
    t("bookings.csv.createdAt"),
    t("bookings.csv.paidAt"),
    t("bookings.csv.name"),
    t("bookings.csv.phone"),
    t("bookings.csv.email"),
    t("bookings.csv.ticketType"),
    t("bookings.csv.sessionStart"),
    t("bookings.csv.sessionEnd"),
    t("bookings.csv.ticketCode"),
    t("bookings.csv.ticketStatus"),
    t("bookings.csv.price"),
    t("bookings.csv.checkedInAt"),
    t("bookings.csv.paymentProvider"),
    t("bookings.csv.transactionId"),
  ];
  const rows: (string | number | null)[][] = [];
  for (const order of orders) {
    const paid = paymentReference(order.payments);
    const payment = paid ? [t(`payments.providerName.${paid.provider}`), paid.reference] : ["", ""];
    const base = [
      order.code,
      t(`order.status.${order.status.toLowerCase() as "paid"}`),
      shanghaiDateTimeText(order.createdAt),
      order.paidAt ? shanghaiDateTimeText(order.paidAt) : "",
      order.customerName,
      order.customerPhone,
      order.customerEmail,
    ];
    for (const item of order.items) {
      const name = locale === "en" ? item.nameEn || item.nameZh : item.nameZh;
      const session = item.session
        ? [shanghaiDateTimeText(item.session.startsAt), shanghaiDateTimeText(item.session.endsAt)]
        : ["", ""];
      if (item.tickets.length === 0) {
        rows.push([...base, name, ...session, "", "", yuan(item.unitPriceCents * item.quantity), "", ...payment]);
        continue;
      }
      for (const ticket of item.tickets) {
        rows.push([
          ...base,
          name,
          ...session,
          ticket.code,
          t(`bookings.ticketStatus.${ticket.status.toLowerCase() as "valid"}`),
          yuan(ticket.priceCents),
          ticket.checkedInAt ? shanghaiDateTimeText(ticket.checkedInAt) : "",
          ...payment,
        ]);
      }
    }
  }
  return toExcelCsv(header, rows);
}
