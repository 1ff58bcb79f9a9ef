"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import type { HeldSession } from "@/modules/inventory/queries";
import { type Basket, chooseFulfilment, fulfilmentFor, groupMethods, type ProductLine } from "../../basket";
import { FestivalPickupOption } from "./festival-pickup-option";
import { courierFee, pickupSessions } from "./fulfilment-rules";

/** How a workshop's products reach the buyer: the ways all its lines allow, one to choose. */
export function FulfilmentOptions({
  basket,
  update,
  workshop,
  lines,
  held,
  problem,
}: {
  basket: Basket;
  update: (change: (basket: Basket) => Basket) => void;
  workshop: ProductLine["workshop"];
  lines: ProductLine[];
  held: HeldSession[];
  /** What the order said of this workshop's way of fulfilment. */
  problem?: string;
}) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const format = useFormatter();
  const methods = groupMethods(lines);
  const choice = fulfilmentFor(basket, workshop.slug);
  const currency = lines[0]?.product.currency ?? "CNY";
  const ticketSessions = pickupSessions(basket, held).map((x) => ({
    id: x.id,
    label: `${pick(x.festival, locale)} · ${sessionTime(format, x.session, "long")}`,
  }));
  const name = `fulfilment-${workshop.slug}`;

  return (
    <fieldset className="space-y-2 border-stone-200 border-t p-4">
      <legend className="float-left mb-2 font-medium">{t("howToGet")}</legend>
      <div className="clear-both space-y-2">
        {methods.length === 0 ? (
          <p className="text-berry-600 text-sm" role="alert">
            {t("noCommonMethod")}
          </p>
        ) : null}
        {methods.includes("workshop_pickup") ? (
          <label className="flex min-h-11 items-center gap-3">
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
          <FestivalPickupOption
            name={name}
            workshopSlug={workshop.slug}
            choice={choice}
            sessions={ticketSessions}
            update={update}
          />
        ) : null}
        {methods.includes("delivery") ? (
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name={name}
              checked={choice.method === "delivery"}
              onChange={() => update((b) => chooseFulfilment(b, workshop.slug, { method: "delivery" }))}
            />
            <span>
              <span className="block">{t("methods.delivery")}</span>
              <span className="block text-sm text-stone-600">
                {t("deliveryFee", { fee: formatMoney(courierFee(lines), currency, locale) })}
              </span>
            </span>
          </label>
        ) : null}
        {problem ? (
          <p className="text-berry-600 text-sm" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
