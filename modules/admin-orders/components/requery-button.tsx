"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { requeryPaymentAction } from "../actions";

type State = ActionState<{ resolved: boolean; state: string }>;

/** Asks the provider again about one difference's order; says what it answered. */
export function RequeryButton({ differenceId }: { differenceId: string }) {
  const t = useTranslations("reconciliation");
  const [state, action, pending] = useActionState<State, FormData>(requeryPaymentAction, { status: "idle" });
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="differenceId" value={differenceId} />
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 py-2 disabled:opacity-60"
      >
        {t("requery")}
      </button>
      <span role="status" className="text-xs">
        {state.status === "success"
          ? state.data.resolved
            ? t("resolved")
            : t("stillOpen", { state: state.data.state })
          : state.status === "error"
            ? state.message
            : null}
      </span>
    </form>
  );
}
