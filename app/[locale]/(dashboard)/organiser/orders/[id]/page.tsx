import { notFound } from "next/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { AdminLineRefunds } from "@/modules/admin-orders/components/line-refunds";
import { festivalScope } from "@/modules/auth/festival-scope";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { BookingEmails, BookingPayments } from "@/modules/bookings/components/booking-detail/booking-history";
import { BookingItems, BookingTickets } from "@/modules/bookings/components/booking-detail/booking-items";
import { BookingHeading, BookingSummary } from "@/modules/bookings/components/booking-detail/booking-summary";
import { findBooking } from "@/modules/bookings/queries";

// One booking as the organiser sees it: buyer, tickets, payments, and what can be done.
export default async function BookingPage({ params }: PageProps<"/[locale]/organiser/orders/[id]">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/orders/${id}`);
  const order = await findBooking(id, await festivalScope(user));
  if (!order) notFound();
  return (
    <>
      <BookingHeading order={order} />
      <BookingSummary order={order} locale={locale} />
      <BookingItems order={order} locale={locale} />
      <BookingTickets order={order} locale={locale} />
      {/* Admins only; admin-orders stands above bookings, so the page puts it in. */}
      {can(user.role, "orders.refundLines") ? (
        <AdminLineRefunds
          orderId={order.id}
          paid={order.status === "PAID" || order.status === "PARTIALLY_REFUNDED"}
          locale={locale}
        />
      ) : null}
      <BookingPayments order={order} locale={locale} />
      <BookingEmails order={order} />
    </>
  );
}
