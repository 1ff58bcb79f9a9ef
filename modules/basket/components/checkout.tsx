"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { useSessionSummary } from "@/components/layout/use-session-summary";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { PrivacyConsent } from "@/modules/account/components/privacy-consent";
import { PRIVACY_NOTICE_VERSION } from "@/modules/account/privacy-notice";
import { rememberOrder } from "@/modules/account/remembered-orders";
import {
  type Basket,
  basketDeliveryFees,
  basketTotals,
  fulfilmentFor,
  lineKey,
  orderItems,
  setAddress,
  type TicketLine,
  withoutPast,
  workshopGroups,
} from "../basket";
import { useBasket } from "../use-basket";
import { useHeldSessions } from "../use-held-sessions";
import { AddressFields } from "./address-fields";
import { BasketLineItem } from "./basket-line-item";
import { ProductGroup } from "./product-group";

type Problem = {
  message: string;
  fields: Record<string, string>;
  /** By line key, or "group:<workshop slug>" for a workshop's way of fulfilment. */
  lines: Record<string, string>;
  address: Record<string, string>;
};

type OrderAnswer =
  | { paymentUrl: string; accessToken: string; order: { id: string } }
  | {
      error: string;
      message: string;
      fields?: Record<string, string>;
      sessions?: ({ sessionId: string; remaining: number } | string)[];
      products?: ({ productId: string; remaining: number } | string)[];
    };

/** The basket and the buyer's details; placing the order holds the seats and goes on to payment. */
export function Checkout() {
  const t = useTranslations("basket");
  const locale = useLocale();
  const format = useFormatter();
  const session = useSessionSummary();
  const held = useHeldSessions(session.status === "signed-in");
  const [basket, update] = useBasket();

  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const [customer, setCustomer] = useState({ name: "", phone: "", email: "" });
  const [consent, setConsent] = useState(false);

  // Signed-in buyers start with their own name and e-mail.
  useEffect(() => {
    if (session.status !== "signed-in") return;
    setCustomer((c) => ({
      ...c,
      name: c.name || session.user.name,
      email: c.email || (session.user.email ?? ""),
    }));
  }, [session]);

  // Sessions that started while the basket waited can no longer be bought.
  useEffect(() => {
    if (basket && withoutPast(basket, new Date()) !== basket) update((b) => withoutPast(b, new Date()));
  }, [basket, update]);

  if (!basket) return <p className="text-stone-500">{t("loading")}</p>;
  if (basket.lines.length === 0) {
    return (
      <div className="space-y-3 rounded-xl bg-white p-6 text-center shadow-sm">
        <p data-testid="basket-empty">{t("empty")}</p>
        <p className="flex justify-center gap-4">
          <Link href="/festivals" className="text-brand-700 underline">
            {t("browseFestivals")}
          </Link>
          <Link href="/shop" className="text-brand-700 underline">
            {t("browseShop")}
          </Link>
        </p>
      </div>
    );
  }

  const totals = basketTotals(basket);
  const fees = [...basketDeliveryFees(basket).values()].reduce((a, b) => a + b, 0);
  const groups = workshopGroups(basket);
  const tickets = basket.lines.filter((l): l is TicketLine => l.kind === "ticket");
  const delivering = groups.some((g) => fulfilmentFor(basket, g.workshop.slug).method === "delivery");
  const currency = totals[0]?.currency ?? "CNY";

  async function placeOrder(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!basket || pending) return;
    setPending(true);
    setProblem(null);
    try {
      const res = await fetch(`/api/orders?lang=${locale === "en" ? "en" : "zh"}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          items: orderItems(basket),
          customer,
          ...(consent ? { privacyConsent: PRIVACY_NOTICE_VERSION } : {}),
        }),
      });
      const answer = (await res.json()) as OrderAnswer;
      if (res.status === 201 && "paymentUrl" in answer) {
        // A guest's order joins the account they sign in or up with later, in this browser.
        if (session.status !== "signed-in") rememberOrder({ id: answer.order.id, token: answer.accessToken });
        // The order holds the seats now; the basket's job is done.
        update((b) => ({ ...b, lines: [] }));
        window.location.assign(answer.paymentUrl);
        return;
      }
      setProblem(explain(answer));
    } catch {
      setProblem({ message: t("networkError"), fields: {}, lines: {}, address: {} });
    }
    setPending(false);
  }

  function explain(answer: OrderAnswer): Problem {
    const problem: Problem = { message: t("networkError"), fields: {}, lines: {}, address: {} };
    if (!basket || !("error" in answer)) return problem;
    problem.message = answer.message;
    const mark = (match: (l: Basket["lines"][number]) => boolean, message: string) => {
      for (const l of basket.lines) if (match(l)) problem.lines[lineKey(l)] = message;
    };
    for (const x of answer.sessions ?? []) {
      const id = typeof x === "string" ? x : x.sessionId;
      const message = typeof x === "string" ? t("notOnSale") : t("onlyLeft", { count: x.remaining });
      mark((l) => l.kind === "ticket" && l.sessionId === id, message);
    }
    for (const x of answer.products ?? []) {
      const id = typeof x === "string" ? x : x.productId;
      const message = typeof x === "string" ? t("productNotOnSale") : t("onlyLeftProduct", { count: x.remaining });
      mark((l) => l.kind === "product" && l.productId === id, message);
    }
    for (const [key, message] of Object.entries(answer.fields ?? {})) {
      const item = /^items\.(\d+)(?:\.(\w+))?(?:\.address\.(\w+))?/.exec(key);
      const line = item ? basket.lines[Number(item[1])] : undefined;
      if (line?.kind === "product" && item?.[3]) problem.address[item[3]] = message;
      else if (line?.kind === "product" && item?.[2] === "fulfilment")
        problem.lines[`group:${line.workshop.slug}`] = message;
      else if (line) problem.lines[lineKey(line)] = message;
      else if (!item) problem.fields[key.replace(/^customer\./, "")] = message;
      else problem.fields.items = message;
    }
    return problem;
  }

  return (
    <form onSubmit={placeOrder} className="space-y-6" noValidate>
      <h2 className="sr-only">{t("yourBasket")}</h2>
      {tickets.length > 0 ? (
        <section aria-labelledby="basket-heading" className="rounded-xl bg-white shadow-sm">
          <h2 id="basket-heading" className="p-4 pb-0 font-semibold text-lg">
            {t("tickets")}
          </h2>
          <ul className="divide-y divide-stone-100">
            {tickets.map((line) => (
              <BasketLineItem
                key={lineKey(line)}
                basket={basket}
                line={line}
                update={update}
                name={pick(line.ticketType.name, locale)}
                title={pick(line.festival.name, locale)}
                detail={
                  <span className="block text-sm text-stone-600">
                    {pick(line.ticketType.name, locale)} · {sessionTime(format, line.session, "long")}
                  </span>
                }
                price={formatMoney(line.quantity * line.ticketType.priceCents, line.ticketType.currency, locale)}
                problem={problem?.lines[lineKey(line)]}
              />
            ))}
          </ul>
        </section>
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

      <section className="space-y-1 rounded-xl bg-white p-4 shadow-sm">
        {fees > 0 ? (
          <p className="flex justify-between text-sm text-stone-600">
            <span>{t("deliveryFees")}</span>
            <span data-testid="basket-fees">{formatMoney(fees, currency, locale)}</span>
          </p>
        ) : null}
        <p className="flex justify-between font-semibold">
          <span>{t("total")}</span>
          <span data-testid="basket-total">
            {totals.map((x) => formatMoney(x.cents, x.currency, locale)).join(" + ")}
          </span>
        </p>
        {problem?.fields.items ? (
          <p className="text-berry-600 text-sm" role="alert">
            {problem.fields.items}
          </p>
        ) : null}
      </section>

      {delivering ? (
        <AddressFields
          value={basket.address}
          errors={problem?.address ?? {}}
          onChange={(address) => update((b) => setAddress(b, address))}
        />
      ) : null}

      <section aria-labelledby="customer-heading" className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="customer-heading" className="font-semibold text-lg">
          {t("yourDetails")}
        </h2>
        {session.status === "anonymous" ? (
          <p className="text-sm text-stone-600">
            {t("guestNote")}{" "}
            <Link href="/sign-in?callbackUrl=/checkout" className="text-brand-700 underline">
              {t("signInInstead")}
            </Link>
          </p>
        ) : null}
        <Field
          name="name"
          label={t("name")}
          autoComplete="name"
          required
          maxLength={60}
          value={customer.name}
          error={problem?.fields.name}
          onChange={(e) => setCustomer({ ...customer, name: e.target.value })}
        />
        <Field
          name="phone"
          label={t("phone")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          required
          hint={t("phoneHint")}
          value={customer.phone}
          error={problem?.fields.phone}
          onChange={(e) => setCustomer({ ...customer, phone: e.target.value })}
        />
        <Field
          name="email"
          label={t("email")}
          type="email"
          autoComplete="email"
          required
          hint={t("emailHint")}
          value={customer.email}
          error={problem?.fields.email}
          onChange={(e) => setCustomer({ ...customer, email: e.target.value })}
        />
      </section>

      <PrivacyConsent checked={consent} onChange={setConsent} error={problem?.fields.privacyConsent} />

      {problem ? (
        <p className="rounded-lg bg-red-50 p-3 text-berry-600" role="alert" data-testid="checkout-error">
          {problem.message}
        </p>
      ) : null}
      <p className="text-sm text-stone-600">{t("holdNote")}</p>
      <Button type="submit" disabled={pending}>
        {pending ? t("placing") : t("placeOrder")}
      </Button>
    </form>
  );
}
