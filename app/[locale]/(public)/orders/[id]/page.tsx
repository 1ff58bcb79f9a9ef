import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { momentParts } from "@/lib/session-time";
import { formatTicketCode } from "@/lib/ticket-code";
import { getCurrentUser } from "@/modules/auth/session";
import { LastUpdated } from "@/modules/offline/components/last-updated";
import { CancelOrder } from "@/modules/orders/components/cancel-order";
import { FarmerParts } from "@/modules/orders/components/farmer-parts";
import { netPaid } from "@/modules/orders/net-paid";
import { findOrderForCaller } from "@/modules/orders/queries";
import { DemoPayment } from "@/modules/payments/components/demo-payment";
import { PaymentChoice } from "@/modules/payments/components/payment-choice";
import { browserContext, methodOffers } from "@/modules/payments/methods";
import { confirmFromProviders } from "@/modules/payments/provider-trades";
import { OPENID_COOKIE, oauthStartPath, openidFromCookie } from "@/modules/payments/wechatpay/oauth";
import { TicketCard } from "@/modules/tickets/components/ticket-card";

export const metadata: Metadata = { robots: { index: false } };

// A buyer's own order: read with its access token (or as its signed-in owner), never cached
// by the server; the buyer's phone keeps a copy for the gate (modules/offline).
export default async function OrderPage({ params, searchParams }: PageProps<"/[locale]/orders/[id]">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const query = await searchParams;
  const token = query.token;
  const user = await getCurrentUser();
  let order = await findOrderForCaller(id, typeof token === "string" ? token : null, user?.id ?? null);
  if (!order) notFound();
  // Back from WeChat Pay or Alipay: ask them (never trust the return itself), then read again.
  if (order.status === "pending" && query.checkout === "success" && (await confirmFromProviders(order.id))) {
    order = (await findOrderForCaller(id, typeof token === "string" ? token : null, user?.id ?? null)) ?? order;
  }
  const t = await getTranslations("order");
  const tp = await getTranslations("payments");
  const format = await getFormatter();
  // Tickets the buyer may still cancel themselves: valid, unused, before the cut-off.
  const now = Date.now();
  const valid = order.tickets.filter((ticket) => ticket.status === "valid");
  const voided = order.tickets.filter((ticket) => ticket.status !== "valid");
  const cancellable = valid.filter((x) => !x.checkedInAt && Date.parse(x.cancellableUntil) > now);
  const firstDeadline = cancellable.map((x) => x.cancellableUntil).sort()[0];
  const openid = openidFromCookie((await cookies()).get(OPENID_COOKIE)?.value);
  const offers =
    order.status === "pending" ? methodOffers(browserContext((await headers()).get("user-agent")), openid) : [];
  // Inside WeChat without an openid yet: through WeChat's silent OAuth, back here to pay.
  const here = `${locale === "en" ? "/en" : ""}/orders/${order.id}?${new URLSearchParams({
    ...(typeof token === "string" ? { token } : {}),
    pay: "wechatpay",
  }).toString()}`;
  const oauthPath = offers.some((o) => o.needsOpenid) ? oauthStartPath(here) : null;
  const paid = netPaid(order.totalCents, order.refunds);
  const status = order.status as "pending" | "paid" | "expired" | "cancelled" | "refunded" | "partially_refunded";
  return (
    <div className="space-y-6">
      <PageTitle>{t("title", { code: order.code })}</PageTitle>
      <LastUpdated />
      <p className="font-medium" data-testid="order-status">
        {t(`status.${status}`)}
      </p>
      {/* Paid: the tickets first, what the gate needs; the summary and everything else below. */}
      {valid.length > 0 || voided.length > 0 ? (
        <section aria-labelledby="tickets-heading" data-testid="order-tickets">
          <h2 id="tickets-heading" className="mb-1 font-semibold text-lg">
            {t("tickets")}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t("showAtGate")}</p>
          <ul className="space-y-3">
            {valid.map((ticket) => (
              <TicketCard
                key={ticket.id}
                ticket={ticket}
                locale={locale}
                holder={ticket.holder ?? order.customer.name}
              />
            ))}
          </ul>
          <a
            href={`/api/orders/${order.id}/calendar${typeof token === "string" ? `?token=${encodeURIComponent(token)}` : ""}`}
            className="no-print mt-3 inline-flex min-h-11 items-center text-brand-700 underline"
            download
          >
            {t("addToCalendar")}
          </a>
          {voided.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm text-stone-500" data-testid="voided-tickets">
              {voided.map((ticket) => (
                <li key={ticket.id}>
                  <span className="font-mono line-through">{formatTicketCode(ticket.code)}</span>{" "}
                  {pick(ticket.ticketType, locale)} · {t(`ticketStatus.${ticket.status as "refunded"}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <ul className="divide-y divide-stone-200 rounded-xl bg-white shadow-sm">
        {order.items.map((item) => (
          <li key={item.id} className="flex justify-between p-3">
            <span>
              {pick(item.name, locale)} × {item.quantity}
              {item.fulfilment?.pickupAt ? (
                <span className="block text-sm text-stone-600" data-testid="item-pickup-at">
                  {t("pickupAt", momentParts(format, item.fulfilment.pickupAt))}
                </span>
              ) : null}
            </span>
            <span>{formatMoney(item.totalCents, order.currency, locale)}</span>
          </li>
        ))}
        <li className="flex justify-between p-3 font-semibold">
          <span>{t("total")}</span>
          <span>{formatMoney(order.totalCents, order.currency, locale)}</span>
        </li>
        {paid.refundedCents > 0 ? (
          <>
            <li className="flex justify-between p-3 text-berry-600" data-testid="order-refunded">
              <span>{t("refunded")}</span>
              <span>−{formatMoney(paid.refundedCents, order.currency, locale)}</span>
            </li>
            <li className="flex justify-between p-3 font-semibold" data-testid="order-net">
              <span>{t("net")}</span>
              <span>{formatMoney(paid.netCents, order.currency, locale)}</span>
            </li>
          </>
        ) : null}
      </ul>
      <FarmerParts order={order} locale={locale} />
      {order.refunds.length > 0 ? (
        <section aria-labelledby="refunds-heading" data-testid="order-refunds">
          <h2 id="refunds-heading" className="mb-2 font-semibold text-lg">
            {t("refunds.title")}
          </h2>
          <ul className="divide-y divide-stone-200 rounded-xl bg-white text-sm shadow-sm">
            {order.refunds.map((refund) => (
              <li key={refund.id} className="flex flex-wrap justify-between gap-2 p-3">
                <span>
                  {format.dateTime(new Date(refund.createdAt), { dateStyle: "medium", timeStyle: "short" })} ·{" "}
                  {t(`refunds.${refund.status as "settled"}`, {
                    provider: order.paidWith ? tp(`providerName.${order.paidWith.toUpperCase() as "WECHATPAY"}`) : "",
                  })}
                </span>
                <span className="font-medium">{formatMoney(refund.amountCents, order.currency, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {status === "pending" ? (
        <>
          <p className="text-sm text-stone-600">
            {t("payBy", { time: format.dateTime(new Date(order.expiresAt), { timeStyle: "short" }) })}
          </p>
          {offers.length > 0 ? (
            <PaymentChoice
              orderId={order.id}
              token={typeof token === "string" ? token : ""}
              offers={offers.map(({ method, blocked, needsOpenid }) => ({ method, blocked, needsOpenid }))}
              oauthPath={oauthPath}
            />
          ) : (
            <DemoPayment orderId={order.id} token={typeof token === "string" ? token : ""} />
          )}
        </>
      ) : null}
      {status === "expired" ? <p className="rounded bg-stone-100 p-3">{t("expired")}</p> : null}
      {/* Always in the tree (it shows nothing when nothing can be cancelled): after a
          cancellation the page refreshes with nothing left to cancel, and the buyer's
          confirmation (the component's state) must stay on screen. */}
      <CancelOrder
        orderId={order.id}
        token={typeof token === "string" ? token : ""}
        pending={status === "pending"}
        deadline={
          firstDeadline ? format.dateTime(new Date(firstDeadline), { dateStyle: "medium", timeStyle: "short" }) : null
        }
        tickets={cancellable.map((ticket) => ({
          id: ticket.id,
          code: ticket.code,
          label: `${pick(ticket.ticketType, locale)} · ${format.dateTime(new Date(ticket.startsAt), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}`,
        }))}
      />
    </div>
  );
}
