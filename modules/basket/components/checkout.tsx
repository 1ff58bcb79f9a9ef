"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { useSessionSummary } from "@/modules/auth/use-session-summary";
import { PrivacyConsent } from "@/modules/privacy/components/privacy-consent";
import { fulfilmentFor, setAddress, type TicketLine, withoutPast, workshopGroups } from "../basket";
import { useBasket } from "../use-basket";
import { useHeldSessions } from "../use-held-sessions";
import { AddressFields } from "./address-fields";
import { BasketSummary } from "./checkout/basket-summary";
import { CustomerDetails } from "./checkout/customer-details";
import { EmptyBasket } from "./checkout/empty-basket";
import { PhoneCheck } from "./checkout/phone-check";
import { TicketLines } from "./checkout/ticket-lines";
import { useCustomer } from "./checkout/use-customer";
import { usePlaceOrder } from "./checkout/use-place-order";
import { ProductGroup } from "./product-group";

/** The basket and the buyer's details; placing the order holds the seats and goes on to payment. */
export function Checkout() {
  const t = useTranslations("basket");
  const session = useSessionSummary();
  const held = useHeldSessions(session.status === "signed-in");
  const [basket, update] = useBasket();
  const [customer, setCustomer] = useCustomer(session);
  const [consent, setConsent] = useState(false);
  const { problem, pending, placeOrder, verifying, codeError } = usePlaceOrder({
    basket,
    update,
    customer,
    consent,
    signedIn: session.status === "signed-in",
  });

  // Sessions that started while the basket waited can no longer be bought.
  useEffect(() => {
    if (basket && withoutPast(basket, new Date()) !== basket) update((b) => withoutPast(b, new Date()));
  }, [basket, update]);

  if (!basket) return <p className="text-stone-500">{t("loading")}</p>;
  if (basket.lines.length === 0) return <EmptyBasket />;

  const groups = workshopGroups(basket);
  const tickets = basket.lines.filter((l): l is TicketLine => l.kind === "ticket");
  const delivering = groups.some((g) => fulfilmentFor(basket, g.workshop.slug).method === "delivery");

  return (
    <form onSubmit={placeOrder} className="space-y-6" noValidate>
      <h2 className="sr-only">{t("yourBasket")}</h2>
      {tickets.length > 0 ? (
        <TicketLines basket={basket} tickets={tickets} update={update} problems={problem?.lines} />
      ) : null}

      {groups.map((group) => (
        <ProductGroup
          key={group.workshop.slug}
          basket={basket}
          update={update}
          workshop={group.workshop}
          lines={group.lines}
          problems={problem?.lines ?? {}}
          held={held}
        />
      ))}

      <BasketSummary basket={basket} error={problem?.fields.items} />

      {delivering ? (
        <AddressFields
          value={basket.address}
          errors={problem?.address ?? {}}
          onChange={(address) => update((b) => setAddress(b, address))}
        />
      ) : null}

      <CustomerDetails
        customer={customer}
        onChange={setCustomer}
        errors={problem?.fields}
        anonymous={session.status === "anonymous"}
      />

      <PrivacyConsent checked={consent} onChange={setConsent} error={problem?.fields.privacyConsent} />

      {verifying ? (
        <PhoneCheck phone={verifying} message={problem?.message ?? ""} codeError={codeError} />
      ) : problem ? (
        <p className="rounded-lg bg-red-50 p-3 text-berry-600" role="alert" data-testid="checkout-error">
          {problem.message}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">{t("holdNote")}</p>
      <Button type="submit" disabled={pending}>
        {pending ? t("placing") : verifying ? t("verifyAndPlace") : t("placeOrder")}
      </Button>
    </form>
  );
}
