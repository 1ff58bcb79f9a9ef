import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { getCurrentUser } from "@/modules/auth/session";
import { DemoPayment } from "@/modules/orders/components/demo-payment";
import { findOrderForCaller } from "@/modules/orders/find-order";
import { TicketCard } from "@/modules/tickets/components/ticket-card";

export const metadata: Metadata = { robots: { index: false } };

// A buyer's own order: read with its access token (or as its signed-in owner), never cached.
export default async function OrderPage({ params, searchParams }: PageProps<"/[locale]/orders/[id]">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const token = (await searchParams).token;
  const user = await getCurrentUser();
  const order = await findOrderForCaller(id, typeof token === "string" ? token : null, user?.id ?? null);
  if (!order) notFound();
  const t = await getTranslations("order");
  const format = await getFormatter();
  const status = order.status as "pending" | "paid" | "expired" | "cancelled" | "refunded" | "partially_refunded";
  return (
    <div className="space-y-6">
      <PageTitle>{t("title", { code: order.code })}</PageTitle>
      <p className="font-medium" data-testid="order-status">
        {t(`status.${status}`)}
      </p>
      <ul className="divide-y divide-stone-200 rounded-xl bg-white shadow-sm">
        {order.items.map((item) => (
          <li key={item.id} className="flex justify-between p-3">
            <span>
              {pick(item.name, locale)} × {item.quantity}
            </span>
            <span>{formatMoney(item.totalCents, order.currency, locale)}</span>
          </li>
        ))}
        <li className="flex justify-between p-3 font-semibold">
          <span>{t("total")}</span>
          <span>{formatMoney(order.totalCents, order.currency, locale)}</span>
        </li>
      </ul>
      {status === "pending" ? (
        <>
          <p className="text-sm text-stone-600">
            {t("payBy", { time: format.dateTime(new Date(order.expiresAt), { timeStyle: "short" }) })}
          </p>
          <DemoPayment orderId={order.id} token={typeof token === "string" ? token : ""} />
        </>
      ) : null}
      {status === "expired" ? <p className="rounded bg-stone-100 p-3">{t("expired")}</p> : null}
      {order.tickets.length > 0 ? (
        <section>
          <h2 className="mb-1 font-semibold text-lg">{t("tickets")}</h2>
          <p className="mb-3 text-sm text-stone-600">{t("showAtGate")}</p>
          <a
            href={`/api/orders/${order.id}/calendar${typeof token === "string" ? `?token=${encodeURIComponent(token)}` : ""}`}
            className="no-print mb-3 inline-block text-brand-700 underline"
            download
          >
            {t("addToCalendar")}
          </a>
          <ul className="space-y-3">
            {order.tickets.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
