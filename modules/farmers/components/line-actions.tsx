"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { moveLineAction } from "../actions";
import type { LineStep } from "../fulfilment-flow";

/**
 * The next steps of one order line as buttons; shipping asks for the tracking number.
 * The steps come from the line's state, which the caller updates on `onMoved`, so the
 * buttons of the following step appear at once.
 */
export function LineActions({
  itemId,
  steps,
  onMoved,
}: {
  itemId: string;
  steps: LineStep[];
  onMoved: (status: LineStep) => void;
}) {
  const t = useTranslations("farmerOrders");
  const [state, action, pending] = useActionState<ActionState<{ id: string; status: LineStep }>, FormData>(
    async (previous, formData) => {
      const result = await moveLineAction(previous, formData);
      if (result.status === "success") onMoved(result.data.status);
      return result;
    },
    { status: "idle" },
  );
  if (steps.length === 0) return null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end gap-2">
        {steps.map((step) =>
          step === "SHIPPED" ? (
            <form key={step} action={action} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="itemId" value={itemId} />
              <input type="hidden" name="to" value={step} />
              <label className="text-sm">
                <span className="sr-only">{t("tracking")}</span>
                <input
                  name="trackingNumber"
                  required
                  placeholder={t("trackingPlaceholder")}
                  defaultValue={state.status === "error" ? state.values.trackingNumber : ""}
                  aria-invalid={state.status === "error" && state.fields.trackingNumber ? true : undefined}
                  className="w-44 rounded-lg border border-stone-300 px-2 py-1.5"
                />
              </label>
              <button
                type="submit"
                disabled={pending}
                className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm text-white"
              >
                {t(`steps.${step}`)}
              </button>
            </form>
          ) : (
            <form key={step} action={action}>
              <input type="hidden" name="itemId" value={itemId} />
              <input type="hidden" name="to" value={step} />
              <button
                type="submit"
                disabled={pending}
                className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm"
              >
                {t(`steps.${step}`)}
              </button>
            </form>
          ),
        )}
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.fields.trackingNumber ?? state.message}
        </p>
      ) : null}
    </div>
  );
}
