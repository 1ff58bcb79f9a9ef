import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { AdminLineRefunds } from "@/modules/admin-orders/components/line-refunds";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { festivalScope } from "@/modules/bookings/access";
import { BookingActions } from "@/modules/bookings/components/booking-actions";
import { findBooking } from "@/modules/bookings/queries";

// One booking as the organiser sees it: buyer, tickets, payments, and what can be done.
export default async function BookingPage({ params }: PageProps<"/[locale]/organiser/orders/[id]">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/orders/${id}`);
  const order = await findBooking(id, await festivalScope(user));
  if (!order) notFound();
  const t = await getTranslations("bookings");
  const to = await getTranslations("order");
  const format = await getFormatter();
  const festivalSlug = order.items.find((i) => i.session)?.session?.festival.slug;
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
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
      <section className="grid gap-1 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2" data-testid="booking-summary">
        <p>
          <span className="text-stone-500">{t("status")}: </span>
          <span data-testid="booking-status">{to(`status.${order.status.toLowerCase() as "paid"}`)}</span>
        </p>
        <p>
          <span className="text-stone-500">{order.wholeOrder ? t("total") : t("yourPart")}: </span>
          {formatMoney(order.totalCents, order.currency, locale)}
        </p>
        <p>
          <span className="text-stone-500">{t("customer")}: </span>
          {order.customerName}
        </p>
        <p>
          <span className="text-stone-500">{t("phone")}: </span>
          <a href={`tel:${order.customerPhone}`} className="underline">
            {order.customerPhone}
          </a>
        </p>
        <p>
          <span className="text-stone-500">{t("email")}: </span>
          {order.customerEmail}
        </p>
        <p>
          <span className="text-stone-500">{t("createdAt")}: </span>
          {dateTime(order.createdAt)}
          {order.paidAt ? ` · ${t("paidAt")}: ${dateTime(order.paidAt)}` : ""}
        </p>
      </section>
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
      {can(user.role, "orders.refundLines") ? (
        <AdminLineRefunds
          orderId={order.id}
          paid={order.status === "PAID" || order.status === "PARTIALLY_REFUNDED"}
          locale={locale}
        />
      ) : null}
      {order.wholeOrder ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("payments")}</h2>
          {order.payments.length === 0 ? (
            <p className="text-stone-600">{t("noPayments")}</p>
          ) : (
            <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
              {order.payments.map((p) => (
                <li key={p.id} className="p-3">
                  {p.provider === "DEMO" ? t("demoProvider") : "Stripe"} ·{" "}
                  {formatMoney(p.amountCents, p.currency, locale)} ·{" "}
                  {t(`paymentStatus.${p.status.toLowerCase() as "succeeded"}`)} · {dateTime(p.createdAt)}
                  {p.refundedCents > 0
                    ? ` · ${t("refunded", { amount: formatMoney(p.refundedCents, p.currency, locale) })}`
                    : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section>
        <h2 className="mb-2 font-semibold text-lg">{t("emails")}</h2>
        {order.emails.length === 0 ? (
          <p className="text-stone-600">{t("noEmails")}</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm" data-testid="booking-emails">
            {order.emails.map((e) => (
              <li key={e.id} className="p-3">
                {e.subject} · {dateTime(e.createdAt)} · {e.sentAt ? t("emailSent") : t("emailKept")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
