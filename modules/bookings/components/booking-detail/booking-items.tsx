import { getFormatter, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { BookingActions } from "../booking-actions";
import { type BookingDetail, bookingDateTime } from "./booking";

/** The order's lines the viewer may see, each with its session. */
export async function BookingItems({ order, locale }: { order: BookingDetail; locale: string }) {
  const t = await getTranslations("bookings");
  const format = await getFormatter();
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("items")}</h2>
      <ul className="divide-y divide-stone-100 rounded-xl bg-white shadow-sm">
        {order.items.map((i) => (
          <li key={i.id} className="flex justify-between gap-2 p-3">
            <span>
              {pick({ zh: i.nameZh, en: i.nameEn }, locale)} × {i.quantity}
              {i.session ? (
                <span className="block text-sm text-stone-600">{sessionTime(format, i.session)}</span>
              ) : null}
            </span>
            <span>{formatMoney(i.totalCents, i.currency, locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The tickets and refunds, put in words for the actions' client component (cancel, refund, resend). */
export async function BookingTickets({ order, locale }: { order: BookingDetail; locale: string }) {
  const format = await getFormatter();
  const dateTime = (d: Date) => bookingDateTime(format, d);
  return (
    <BookingActions
      orderId={order.id}
      canResend={order.status === "PAID" || order.status === "PARTIALLY_REFUNDED"}
      canCancelPending={order.status === "PENDING"}
      tickets={order.tickets.map((ticket) => ({
        id: ticket.id,
        code: ticket.code,
        name: pick({ zh: ticket.ticketType.nameZh, en: ticket.ticketType.nameEn }, locale),
        session: sessionTime(format, ticket.session),
        status: ticket.status,
        price: formatMoney(ticket.priceCents, order.currency, locale),
        checkedInAt: ticket.checkedInAt ? dateTime(ticket.checkedInAt) : null,
      }))}
      refunds={order.refunds.map((r) => ({
        id: r.id,
        amount: formatMoney(r.amountCents, r.currency, locale),
        createdAt: dateTime(r.createdAt),
        confirmed: r.providerRef !== null,
      }))}
    />
  );
}
