"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import type { HeldSession } from "@/modules/orders/held-sessions";
import { deliveryFees } from "@/modules/shop/fulfilment";
import {
  type Basket,
  chooseFulfilment,
  fulfilmentFor,
  groupMethods,
  lineKey,
  type ProductLine,
  type TicketLine,
} from "../basket";
import { BasketLineItem } from "./basket-line-item";

type Update = (change: (basket: Basket) => Basket) => void;

/**
 * One workshop's products in the basket and how they reach the buyer, chosen
 * here, before checkout: pickup at the workshop (with its opening hours), at the
 * gate of a festival session the basket holds a ticket for, or by courier (fee shown).
 */
export function ProductGroup({
  basket,
  update,
  workshop,
  lines,
  problems,
  held,
}: {
  basket: Basket;
  update: Update;
  workshop: ProductLine["workshop"];
  lines: ProductLine[];
  problems: Record<string, string>;
  /** Sessions the signed-in buyer already holds a paid ticket for. */
  held: HeldSession[];
}) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const format = useFormatter();
  const methods = groupMethods(lines);
  const choice = fulfilmentFor(basket, workshop.slug);
  const currency = lines[0]?.product.currency ?? "CNY";
  // Gate pickup: at a session this basket holds a ticket for, or (signed in) one already paid for.
  const ticketSessions = [
    ...new Map(
      [
        ...basket.lines
          .filter((l): l is TicketLine => l.kind === "ticket")
          .map((l) => ({ id: l.sessionId, festival: l.festival.name, session: l.session })),
        ...held.map((h) => ({ id: h.id, festival: h.festival, session: h })),
      ].map((x) => [
        x.id,
        { id: x.id, label: `${pick(x.festival, locale)} · ${sessionTime(format, x.session, "long")}` },
      ]),
    ).values(),
  ];
  // One parcel per farmer (modules/shop/fulfilment.ts).
  const courierFee = [
    ...deliveryFees(
      lines.map((l) => ({
        farmerId: l.product.farmerId,
        method: "delivery",
        deliveryFeeCents: l.product.fulfilment.deliveryFeeCents,
      })),
    ).values(),
  ].reduce((a, b) => a + b, 0);
  const name = `fulfilment-${workshop.slug}`;

  return (
    <section className="rounded-xl bg-white shadow-sm" data-workshop-group={workshop.slug}>
      <h2 className="p-4 pb-0 font-semibold text-lg">{pick(workshop.name, locale)}</h2>
      <ul className="divide-y divide-stone-100">
        {lines.map((line) => (
          <BasketLineItem
            key={lineKey(line)}
            basket={basket}
            line={line}
            update={update}
            name={pick(line.product.name, locale)}
            title={pick(line.product.name, locale)}
            detail={
              <>
                <span className="block text-sm text-stone-600">
                  {t("perUnit", {
                    price: formatMoney(line.product.priceCents, line.product.currency, locale),
                    unit: t(`units.${line.product.unit}`),
                  })}
                </span>
                {line.product.availableFrom && new Date(line.product.availableFrom) > new Date() ? (
                  <span className="block text-amber-700 text-sm">
                    {t("preOrder", {
                      date: format.dateTime(new Date(line.product.availableFrom), { dateStyle: "medium" }),
                    })}
                  </span>
                ) : null}
              </>
            }
            price={formatMoney(line.quantity * line.product.priceCents, line.product.currency, locale)}
            problem={problems[lineKey(line)]}
          />
        ))}
      </ul>
      <fieldset className="space-y-2 border-stone-200 border-t p-4">
        <legend className="float-left mb-2 font-medium">{t("howToGet")}</legend>
        <div className="clear-both space-y-2">
          {methods.length === 0 ? (
            <p className="text-berry-600 text-sm" role="alert">
              {t("noCommonMethod")}
            </p>
          ) : null}
          {methods.includes("workshop_pickup") ? (
            <label className="flex gap-2">
              <input
                type="radio"
                name={name}
                checked={choice.method === "workshop_pickup"}
                onChange={() => update((b) => chooseFulfilment(b, workshop.slug, { method: "workshop_pickup" }))}
              />
              <span>
                <span className="block">{t("methods.workshop_pickup")}</span>
                {pick(workshop.openingHours, locale) ? (
                  <span className="block text-sm text-stone-600">
                    {t("openingHours", { hours: pick(workshop.openingHours, locale) })}
                  </span>
                ) : null}
              </span>
            </label>
          ) : null}
          {methods.includes("festival_pickup") ? (
            <div className="space-y-1">
              <label className="flex gap-2">
                <input
                  type="radio"
                  name={name}
                  checked={choice.method === "festival_pickup"}
                  disabled={ticketSessions.length === 0}
                  onChange={() =>
                    update((b) =>
                      chooseFulfilment(b, workshop.slug, {
                        method: "festival_pickup",
                        sessionId: ticketSessions[0]?.id ?? null,
                      }),
                    )
                  }
                />
                <span>
                  <span className="block">{t("methods.festival_pickup")}</span>
                  {ticketSessions.length === 0 ? (
                    <span className="block text-sm text-stone-600">{t("festivalPickupNeedsTicket")}</span>
                  ) : null}
                </span>
              </label>
              {choice.method === "festival_pickup" && ticketSessions.length > 0 ? (
                <label className="ml-6 block text-sm">
                  <span className="block text-stone-600">{t("pickupSession")}</span>
                  <select
                    className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2"
                    value={choice.sessionId ?? ""}
                    onChange={(e) =>
                      update((b) =>
                        chooseFulfilment(b, workshop.slug, {
                          method: "festival_pickup",
                          sessionId: e.target.value || null,
                        }),
                      )
                    }
                  >
                    <option value="">{t("chooseSession")}</option>
                    {ticketSessions.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
          ) : null}
          {methods.includes("delivery") ? (
            <label className="flex gap-2">
              <input
                type="radio"
                name={name}
                checked={choice.method === "delivery"}
                onChange={() => update((b) => chooseFulfilment(b, workshop.slug, { method: "delivery" }))}
              />
              <span>
                <span className="block">{t("methods.delivery")}</span>
                <span className="block text-sm text-stone-600">
                  {t("deliveryFee", { fee: formatMoney(courierFee, currency, locale) })}
                </span>
              </span>
            </label>
          ) : null}
          {problems[`group:${workshop.slug}`] ? (
            <p className="text-berry-600 text-sm" role="alert">
              {problems[`group:${workshop.slug}`]}
            </p>
          ) : null}
        </div>
      </fieldset>
    </section>
  );
}
