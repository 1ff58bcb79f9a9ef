import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import type { AccountOrder } from "../order-queries";

/** The account's orders, newest first: code, what was bought, status, total, and the way to its page. */
export async function AccountOrders({ orders, locale }: { orders: AccountOrder[]; locale: string }) {
  const t = await getTranslations("account");
  const to = await getTranslations("order");
  const format = await getFormatter();
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading" className="mb-2 font-semibold text-lg">
        {t("ordersTitle")}
      </h2>
      {orders.length === 0 ? (
        <p className="text-stone-600">{t("ordersEmpty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl bg-white shadow-sm" data-testid="account-orders">
          {orders.map((order) => (
            <li key={order.id} className="space-y-1 p-3" data-order={order.code}>
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={order.href} className="font-medium font-mono text-brand-700 underline">
                  {order.code}
                </Link>
                <span className="text-sm" data-testid="account-order-status">
                  {to(`status.${order.status}`)}
                </span>
              </p>
              <p className="text-sm text-stone-700">
                {order.items
                  .map((item) => `${pick(item.name, locale)} × ${item.quantity}`)
                  .join(locale === "en" ? ", " : "，")}
              </p>
              <p className="flex flex-wrap justify-between gap-2 text-sm text-stone-500">
                <span>
                  {format.dateTime(new Date(order.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  {order.guest ? ` · ${t("guestOrder")}` : null}
                </span>
                <span>{formatMoney(order.totalCents, order.currency, locale)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
