import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { PhoneLink } from "@/components/ui/phone-link";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { netPaid } from "@/modules/orders/net-paid";
import { type BookingDetail, bookingDateTime } from "./booking";

/** The way back to the festival's bookings (when the order has a session) and the order's code. */
export async function BookingHeading({ order }: { order: BookingDetail }) {
  const t = await getTranslations("bookings");
  const to = await getTranslations("order");
  const festivalSlug = order.items.find((i) => i.session)?.session?.festival.slug;
  return (
    <>
      {festivalSlug ? (
        <nav className="text-sm">
          <Link href={`/organiser/festivals/${festivalSlug}/bookings`} className="text-brand-700 underline">
            ← {t("title")}
          </Link>
        </nav>
      ) : null}
      <PageTitle>{to("title", { code: order.code })}</PageTitle>
    </>
  );
}

/** Status, the amount (the whole order's or the viewer's part), the buyer and when it was placed and paid. */
export async function BookingSummary({ order, locale }: { order: BookingDetail; locale: string }) {
  const t = await getTranslations("bookings");
  const to = await getTranslations("order");
  const format = await getFormatter();
  const paid = netPaid(order.totalCents, order.refunds);
  return (
    <section className="grid gap-1 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2" data-testid="booking-summary">
      <p>
        <span className="text-stone-500">{t("status")}: </span>
        <span data-testid="booking-status">{to(`status.${order.status.toLowerCase() as "paid"}`)}</span>
      </p>
      <p>
        <span className="text-stone-500">{order.wholeOrder ? t("total") : t("yourPart")}: </span>
        {formatMoney(order.totalCents, order.currency, locale)}
        {paid.refundedCents > 0 ? (
          <span data-testid="booking-net">
            {" "}
            · {to("refunded")} {formatMoney(paid.refundedCents, order.currency, locale)} · {to("net")}{" "}
            {formatMoney(paid.netCents, order.currency, locale)}
          </span>
        ) : null}
      </p>
      <p>
        <span className="text-stone-500">{t("customer")}: </span>
        {order.customerName}
      </p>
      <p>
        <span className="text-stone-500">{t("phone")}: </span>
        <PhoneLink phone={order.customerPhone} none={t("buyerGone")} />
      </p>
      <p>
        <span className="text-stone-500">{t("email")}: </span>
        {order.customerEmail}
      </p>
      <p>
        <span className="text-stone-500">{t("createdAt")}: </span>
        {bookingDateTime(format, order.createdAt)}
        {order.paidAt ? ` · ${t("paidAt")}: ${bookingDateTime(format, order.paidAt)}` : ""}
      </p>
    </section>
  );
}
