"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { LineRefundResult } from "../../refund-order-line";
import { ReasonFields, SizeFields } from "./refund-fields";
import type { Action, RefundableLineView } from "./types";

/** Another refund of the line: a button that opens the form, by units or by an amount, with a reason. */
export function RefundForm({ line, refund }: { line: RefundableLineView; refund: Action<LineRefundResult> }) {
  const t = useTranslations("lineRefund");
  const locale = useLocale();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"quantity" | "amount">(line.unitsLeft > 0 ? "quantity" : "amount");
  const [state, action, pending] = useActionState<ActionState<LineRefundResult>, FormData>(refund, {
    status: "idle",
  });
  useEffect(() => {
    if (state.status === "success") {
      setOpen(false);
      router.refresh();
    }
  }, [state, router]);
  const errors = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : null;
  const done =
    state.status === "success" ? (
      <p role="status" className="text-brand-700">
        {t(state.data.refundPending ? "donePending" : "done", {
          amount: formatMoney(state.data.amountCents, line.currency, locale),
        })}
      </p>
    ) : null;
  if (!open) {
    return (
      <div className="space-y-1">
        {done}
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="rounded-lg border border-berry-600 bg-white px-3 py-1.5 text-berry-600"
        >
          {t("open")}
        </button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-2 rounded-lg border border-stone-200 bg-stone-50 p-3" noValidate>
      <input type="hidden" name="itemId" value={line.itemId} />
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-1 font-medium">{t("mode")}</legend>
        {(["quantity", "amount"] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              disabled={m === "quantity" && line.unitsLeft === 0}
              onChange={() => setMode(m)}
            />
            {t(`modes.${m}`)}
          </label>
        ))}
      </fieldset>
      <SizeFields mode={mode} line={line} values={values} errors={errors} />
      <ReasonFields line={line} values={values} errors={errors} />
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-lg bg-berry-600 px-3 py-1.5 text-white">
          {pending ? t("submitting") : t("submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)} className="rounded-lg border border-stone-300 px-3 py-1.5">
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
