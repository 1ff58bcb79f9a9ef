import { getFormatter, getTranslations } from "next-intl/server";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import type { BookingFilter } from "../filter";
import type { searchBookings } from "../queries";
import { OrderStatusSelect } from "./order-status-select";

type Booking = Awaited<ReturnType<typeof searchBookings>>["orders"][number];
type Session = { id: string; startsAt: Date; endsAt: Date };

/** Search by buyer, order or ticket code; filter by session and status. */
export async function BookingsFilters({ filter, sessions }: { filter: BookingFilter; sessions: Session[] }) {
  const t = await getTranslations("bookings");
  const format = await getFormatter();
  return (
    <FilterForm columns="sm:grid-cols-[2fr_2fr_1fr_auto]" submit={t("filter")}>
      <FilterInput label={t("search")} name="q" defaultValue={filter.q} placeholder={t("searchPlaceholder")} />
      <FilterSelect
        label={t("session")}
        name="session"
        defaultValue={filter.sessionId}
        all={t("allSessions")}
        options={sessions.map((s) => ({ value: s.id, label: sessionTime(format, s) }))}
      />
      <OrderStatusSelect value={filter.status} label={t("status")} all={t("allStatuses")} />
    </FilterForm>
  );
}

/**
 * One page of a festival's bookings. A list of cards rather than a table: organisers
 * read it on a phone, and the whole card is the link to the booking.
 */
export async function BookingsList({ orders, locale }: { orders: Booking[]; locale: string }) {
  const t = await getTranslations("bookings");
  const to = await getTranslations("order");
  const format = await getFormatter();
  if (orders.length === 0) return <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>;
  const items = (o: Booking) =>
    o.items
      .map((i) => {
        const when = i.session
          ? ` (${format.dateTime(i.session.startsAt, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })})`
          : "";
        return `${pick({ zh: i.nameZh, en: i.nameEn }, locale)} × ${i.quantity}${when}`;
      })
      .join(" · ");
  return (
    <ul className="divide-y divide-stone-100 rounded-xl bg-white shadow-sm">
      {orders.map((o) => (
        <li key={o.id} data-booking={o.code}>
          <Link href={`/organiser/orders/${o.id}`} className="block p-3 hover:bg-brand-50">
            <span className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">
                {o.customerName} · {o.customerPhone}
              </span>
              <span className="text-sm">
                {to(`status.${o.status.toLowerCase() as "paid"}`)} · {formatMoney(o.totalCents, o.currency, locale)}
              </span>
            </span>
            <span className="block text-sm text-stone-600">
              {o.code} · {o.customerEmail} · {format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" })}
            </span>
            <span className="block text-sm text-stone-600">
              {items(o)}
              {o._count.tickets > 0 ? ` · ${t("checkedInCount", { count: o._count.tickets })}` : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
