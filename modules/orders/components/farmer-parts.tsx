import { getFormatter, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { addressLine } from "@/modules/inventory/fulfilment";
import { LINE_REFUND_REASONS, type LineRefundReason } from "../line-refund-rules";
import type { findOrderForCaller } from "../queries";

type Order = NonNullable<Awaited<ReturnType<typeof findOrderForCaller>>>;
type Item = Order["items"][number];

/** Each farmer's part of an order: what they make, how it reaches the buyer, and how far it has got. */
export async function FarmerParts({ order, locale }: { order: Order; locale: string }) {
  const t = await getTranslations("order.parts");
  const format = await getFormatter();
  const parts = new Map<string, { farmer: NonNullable<Item["farmer"]>; items: Item[] }>();
  for (const item of order.items) {
    if (!item.farmer || !item.fulfilment) continue;
    const part = parts.get(item.farmer.id) ?? { farmer: item.farmer, items: [] };
    part.items.push(item);
    parts.set(item.farmer.id, part);
  }
  if (parts.size === 0) return null;
  return (
    <section aria-labelledby="parts-heading" className="space-y-3">
      <h2 id="parts-heading" className="font-semibold text-lg">
        {t("title")}
      </h2>
      {[...parts.values()].map(({ farmer, items }) => {
        const f = items[0]?.fulfilment;
        if (!f) return null;
        const fee = items.reduce((sum, i) => sum + (i.fulfilment?.deliveryFeeCents ?? 0), 0);
        return (
          <article key={farmer.id} className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-farmer-part={farmer.id}>
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <span>
                <span className="block font-medium">{farmer.name}</span>
                <span className="block text-sm text-stone-600">{pick(farmer.workshop.name, locale)}</span>
              </span>
              <span className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-800 text-sm" data-testid="part-status">
                {t(`status.${f.status}`)}
              </span>
            </header>
            <ul className="text-sm">
              {items.map((i) => (
                <li key={i.id}>
                  <span className="flex justify-between">
                    <span>
                      {pick(i.name, locale)} × {i.quantity}
                    </span>
                    <span>{formatMoney(i.totalCents, order.currency, locale)}</span>
                  </span>
                  <LineRefunds item={i} currency={order.currency} locale={locale} />
                </li>
              ))}
              {fee > 0 ? (
                <li className="flex justify-between text-stone-600">
                  <span>{t("deliveryFee")}</span>
                  <span>{formatMoney(fee, order.currency, locale)}</span>
                </li>
              ) : null}
            </ul>
            <p className="text-sm text-stone-700">
              {f.method === "workshop_pickup"
                ? t("workshopPickup", { hours: pick(farmer.workshop.openingHours, locale) || "—" })
                : f.method === "festival_pickup" && f.pickupSession
                  ? t("festivalPickup", {
                      festival: pick(f.pickupSession.festival, locale),
                      time: sessionTime(format, f.pickupSession, "long"),
                    })
                  : f.address
                    ? t("delivery", {
                        address: addressLine(f.address),
                        name: f.address.name ?? "",
                      })
                    : null}
            </p>
            {f.trackingNumber ? (
              <p className="text-sm">
                {t("tracking")} <span className="font-mono">{f.trackingNumber}</span>
              </p>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

const isReason = (reason: string | null): reason is LineRefundReason =>
  (LINE_REFUND_REASONS as readonly (string | null)[]).includes(reason);

/** What of a line was refunded: amount, units, why, and whether the money is on its way or back. */
async function LineRefunds({ item, currency, locale }: { item: Item; currency: string; locale: string }) {
  if (item.refunds.length === 0) return null;
  const t = await getTranslations("order.parts");
  const tr = await getTranslations("lineRefund");
  const ts = await getTranslations("shop");
  const product = pick(item.name, locale);
  return (
    <ul className="mt-1 space-y-1 border-stone-200 border-l-2 pl-2 text-stone-700" aria-label={t("refunds")}>
      {item.refunds.map((r) => {
        const amount = formatMoney(r.amountCents, currency, locale);
        return (
          <li key={r.id} data-testid="line-refund">
            <span className="block">
              {r.quantity > 0
                ? t("refundEntryQuantity", {
                    product,
                    quantity: r.quantity,
                    unit: item.unit ? ts(`units.${item.unit}`) : "",
                    amount,
                  })
                : t("refundEntryAmount", { product, amount })}{" "}
              <span
                className={`rounded-full px-2 py-0.5 text-xs ${r.confirmed ? "bg-brand-50 text-brand-800" : "bg-amber-50 text-amber-800"}`}
                data-testid="line-refund-state"
              >
                {r.confirmed ? t("refundConfirmed") : t("refundPending")}
              </span>
            </span>
            <span className="block text-stone-500 text-xs">
              {tr(`reasons.${isReason(r.reason) ? r.reason : "other"}`)}
              {r.note ? ` · ${r.note}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
