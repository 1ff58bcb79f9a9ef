"use client";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import type { Contact } from "@/modules/auth/components/contact-fields";
import { verifyPhoneCode } from "@/modules/auth/components/use-phone-code";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";
import { type Basket, orderItems } from "../../basket";
import { rememberOrder } from "../../remembered-orders";
import { explain, networkProblem, type OrderAnswer, type Problem } from "./problem";

/** Places the order (`POST /api/orders`): on success empties the basket and goes on to payment, else explains why not. */
export function usePlaceOrder({
  basket,
  update,
  customer,
  consent,
  signedIn,
}: {
  basket: Basket | null;
  update: (change: (basket: Basket) => Basket) => void;
  customer: Contact;
  consent: boolean;
  signedIn: boolean;
}) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  // The number the server asked to be proven before it holds the seats (409 phone_unverified).
  const [verifying, setVerifying] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>(undefined);

  /** The texted code, when the checkout asked for one: proves the number in this browser first. */
  async function proveNumber(form: HTMLFormElement): Promise<boolean> {
    if (verifying === null || verifying !== customer.phone) return true;
    const code = String(new FormData(form).get("phoneCode") ?? "").trim();
    const proved = await verifyPhoneCode(customer.phone, code, locale);
    setCodeError(proved.ok ? undefined : proved.message || t("networkError"));
    if (proved.ok) setVerifying(null);
    return proved.ok;
  }

  async function placeOrder(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!basket || pending) return;
    setPending(true);
    setProblem(null);
    try {
      if (!(await proveNumber(event.currentTarget))) {
        setPending(false);
        return;
      }
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
      if (res.status === 201 && "paymentPath" in answer) {
        // A guest's order joins the account they sign in or up with later, in this browser.
        if (!signedIn) rememberOrder({ id: answer.order.id, token: answer.accessToken });
        // The order holds the seats now; the basket's job is done.
        update((b) => ({ ...b, lines: [] }));
        // A path, not the site's configured address: the visitor stays on the origin they are on.
        window.location.assign(answer.paymentPath);
        return;
      }
      if ("error" in answer && answer.error === "phone_unverified") setVerifying(customer.phone);
      setProblem(explain(answer, basket, t));
    } catch {
      setProblem(networkProblem(t));
    }
    setPending(false);
  }

  return { problem, pending, placeOrder, verifying: verifying === customer.phone ? verifying : null, codeError };
}
