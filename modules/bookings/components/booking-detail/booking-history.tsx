import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import { type BookingDetail, bookingDateTime } from "./booking";

/** The order's payments and their refunds; shown only to whoever sees the whole order. */
export async function BookingPayments({ order, locale }: { order: BookingDetail; locale: string }) {
  if (!order.wholeOrder) return null;
  const t = await getTranslations("bookings");
  const tp = await getTranslations("payments");
  const format = await getFormatter();
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("payments")}</h2>
      {order.payments.length === 0 ? (
        <p className="text-stone-600">{t("noPayments")}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
          {order.payments.map((p) => (
            <li key={p.id} className="p-3">
              {p.provider === "DEMO" ? t("demoProvider") : tp(`providerName.${p.provider}`)}
              {" ·"} {formatMoney(p.amountCents, p.currency, locale)}
              {" ·"} {t(`paymentStatus.${p.status.toLowerCase() as "succeeded"}`)}
              {" · "}
              {bookingDateTime(format, p.createdAt)}
              {p.refundedCents > 0
                ? ` · ${t("refunded", { amount: formatMoney(p.refundedCents, p.currency, locale) })}`
                : ""}
              {p.provider !== "DEMO" ? (
                <span className="block break-all font-mono text-stone-600 text-xs" data-testid="transaction-id">
                  {t("transactionId")} {p.transactionId ?? p.paymentIntentId ?? p.providerRef}
                </span>
              ) : null}
              {p.refunds.length > 0 ? (
                <ul className="mt-1 text-stone-600 text-xs">
                  {p.refunds.map((r) => (
                    <li key={r.id}>
                      {t("refundLine", { amount: formatMoney(r.amountCents, p.currency, locale) })} ·{" "}
                      {bookingDateTime(format, r.createdAt)} ·{" "}
                      {!r.providerRef ? t("refundPending") : r.settledAt ? t("refundSettled") : t("refundOnItsWay")}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The mails the order sent, newest first, and whether each has gone out yet. */
export async function BookingEmails({ order }: { order: BookingDetail }) {
  const t = await getTranslations("bookings");
  const format = await getFormatter();
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("emails")}</h2>
      {order.emails.length === 0 ? (
        <p className="text-stone-600">{t("noEmails")}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm" data-testid="booking-emails">
          {order.emails.map((e) => (
            <li key={e.id} className="p-3">
              {e.subject} · {bookingDateTime(format, e.createdAt)} · {e.sentAt ? t("emailSent") : t("emailKept")}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
