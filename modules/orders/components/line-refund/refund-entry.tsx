"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import type { Action, LineRefundEntry } from "./types";

/** A refund made: what, why, whether the provider confirmed it, and a retry while it has not. */
export function RefundEntry({ entry, retry }: { entry: LineRefundEntry; retry: Action<{ confirmed: true }> }) {
  const t = useTranslations("lineRefund");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionState<{ confirmed: true }>, FormData>(retry, {
    status: "idle",
  });
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  const confirmed = entry.confirmed || state.status === "success";
  return (
    <li className="flex flex-wrap items-center gap-2" data-testid="line-refund">
      <span>{entry.text}</span>
      <span className="text-stone-500">
        {entry.reason}
        {entry.note ? ` · ${entry.note}` : ""}
      </span>
      <span
        className={`rounded-full px-2 py-0.5 text-xs ${confirmed ? "bg-brand-50 text-brand-700" : "bg-amber-50 text-amber-800"}`}
        data-testid="line-refund-state"
      >
        {confirmed ? t("confirmed") : t("pending")}
      </span>
      {confirmed ? null : (
        <form action={action}>
          <input type="hidden" name="refundId" value={entry.id} />
          <button type="submit" disabled={pending} className="rounded-lg border border-stone-300 bg-white px-2 py-1">
            {t("retry")}
          </button>
        </form>
      )}
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600">
          {state.message}
        </span>
      ) : null}
    </li>
  );
}
