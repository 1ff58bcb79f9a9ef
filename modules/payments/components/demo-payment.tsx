"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { demoPaymentAction } from "../actions";

type State = ActionState<{ result: "paid" | "declined" }>;

/** The clearly labelled demo payment: pay or decline, through the same paid transition as Stripe. */
export function DemoPayment({ orderId, token }: { orderId: string; token: string }) {
  const t = useTranslations("order");
  const router = useRouter();
  const [state, action, pending] = useActionState<State, FormData>(demoPaymentAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "success" && state.data.result === "paid") router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="space-y-3 rounded-xl border-2 border-amber-400 border-dashed bg-amber-50 p-4">
      <h2 className="font-semibold">{t("demoTitle")}</h2>
      <p className="text-sm text-stone-700">{t("demoBody")}</p>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="token" value={token} />
      <div className="flex gap-2">
        <button
          type="submit"
          name="decision"
          value="pay"
          disabled={pending}
          className="min-h-11 rounded-lg bg-brand-600 px-4 py-2 text-white disabled:opacity-60"
        >
          {t("pay")}
        </button>
        <button
          type="submit"
          name="decision"
          value="decline"
          disabled={pending}
          className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2 disabled:opacity-60"
        >
          {t("decline")}
        </button>
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" && state.data.result === "declined" ? (
        <p role="status" className="text-sm">
          {t("declined")}
        </p>
      ) : null}
    </form>
  );
}
