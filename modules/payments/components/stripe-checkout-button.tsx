"use client";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/action-state";
import type { PaymentMethod } from "@/lib/config";
import { useRouter } from "@/lib/i18n/navigation";
import { startCheckoutAction } from "@/modules/payments/actions";

type State = ActionState<{ url: string }>;

const POLL_MS = 3000;
const POLL_FOR_MS = 3 * 60_000;

/**
 * Pay with Stripe Checkout (card, Alipay, WeChat Pay). Back from Stripe the page
 * only reads: until the webhook marks the order paid it says the payment is being
 * confirmed and looks again every few seconds.
 */
export function StripeCheckoutButton({
  orderId,
  token,
  methods,
}: {
  orderId: string;
  token: string;
  methods: readonly PaymentMethod[];
}) {
  const t = useTranslations("payments");
  const router = useRouter();
  const returned = useSearchParams().get("checkout");
  const [state, action, pending] = useActionState<State, FormData>(startCheckoutAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "success") window.location.assign(state.data.url);
  }, [state]);
  useEffect(() => {
    if (returned !== "success") return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > POLL_FOR_MS) clearInterval(timer);
      else router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [returned, router]);
  const redirecting = pending || state.status === "success";
  return (
    <form action={action} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      {returned === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-3 text-sm" data-testid="payment-confirming">
          {t("confirming")}
        </p>
      ) : null}
      {returned === "cancelled" ? (
        <p role="status" className="text-sm text-stone-600">
          {t("cancelled")}
        </p>
      ) : null}
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="token" value={token} />
      <button
        type="submit"
        disabled={redirecting}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 font-medium text-white disabled:opacity-60 sm:w-auto"
      >
        {redirecting ? t("redirecting") : t("pay")}
      </button>
      <p className="text-stone-600 text-xs">
        {t("methods", { methods: methods.map((m) => t(`method.${m}`)).join(t("methodSeparator")) })}
      </p>
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
