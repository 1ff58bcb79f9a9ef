"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { ActionState } from "@/modules/auth/guards";
import { LINE_REFUND_REASONS } from "../line-refund-rules";
import type { LineRefundResult } from "../refund-line";

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** One refund as the back office lists it: what went back, why, and whether the provider confirmed it. */
export type LineRefundEntry = { id: string; text: string; reason: string; note: string | null; confirmed: boolean };

/** A product line as the refund form needs it: what is left, and how it is priced. */
export type RefundableLineView = {
  itemId: string;
  unit: string;
  unitPrice: string;
  unitsLeft: number;
  centsLeft: number;
  currency: string;
  /** The delivery fee, formatted, when the line carries one. */
  deliveryFee: string | null;
  refunds: LineRefundEntry[];
};

const input =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 aria-[invalid]:border-berry-600";

/**
 * The refunds of a product line (with a retry for one the provider has not
 * confirmed) and the form for another: by units or by an amount, with a reason.
 * The farmer's inbox and the admin's order page pass their own actions.
 */
export function LineRefundPanel({
  line,
  refund,
  retry,
}: {
  line: RefundableLineView;
  refund: Action<LineRefundResult>;
  retry: Action<{ confirmed: true }>;
}) {
  const t = useTranslations("lineRefund");
  return (
    <div className="space-y-2 text-sm" data-testid="line-refunds">
      {line.refunds.length > 0 ? (
        <ul className="space-y-1" aria-label={t("history")}>
          {line.refunds.map((r) => (
            <RefundEntry key={r.id} entry={r} retry={retry} />
          ))}
        </ul>
      ) : null}
      {line.centsLeft > 0 ? (
        <RefundForm line={line} refund={refund} />
      ) : (
        <p className="text-stone-500">{t("nothingLeft")}</p>
      )}
    </div>
  );
}

function RefundEntry({ entry, retry }: { entry: LineRefundEntry; retry: Action<{ confirmed: true }> }) {
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

function RefundForm({ line, refund }: { line: RefundableLineView; refund: Action<LineRefundResult> }) {
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
  const id = (name: string) => `refund-${line.itemId}-${name}`;
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
      {mode === "quantity" ? (
        <div>
          <label htmlFor={id("quantity")}>{t("quantity", { unit: line.unit })}</label>
          <input
            id={id("quantity")}
            name="quantity"
            inputMode="numeric"
            defaultValue={state.status === "error" ? (state.values.quantity ?? "") : ""}
            aria-invalid={errors.quantity ? true : undefined}
            className={input}
          />
          <p className="text-stone-500 text-xs">
            {t("quantityHint", { max: line.unitsLeft, unit: line.unit, price: line.unitPrice })}
          </p>
          {line.deliveryFee ? (
            <label className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="includeDeliveryFee" />
              {t("includeDeliveryFee", { fee: line.deliveryFee })}
            </label>
          ) : null}
          {errors.quantity ? (
            <p role="alert" className="text-berry-600">
              {errors.quantity}
            </p>
          ) : null}
        </div>
      ) : (
        <div>
          <label htmlFor={id("amount")}>{t("amount")}</label>
          <input
            id={id("amount")}
            name="amount"
            inputMode="decimal"
            defaultValue={state.status === "error" ? (state.values.amount ?? "") : ""}
            aria-invalid={errors.amount ? true : undefined}
            className={input}
          />
          <p className="text-stone-500 text-xs">
            {t("amountHint", { max: formatMoney(line.centsLeft, line.currency, locale) })}
          </p>
          {errors.amount ? (
            <p role="alert" className="text-berry-600">
              {errors.amount}
            </p>
          ) : null}
        </div>
      )}
      <div>
        <label htmlFor={id("reason")}>{t("reason")}</label>
        <select
          id={id("reason")}
          name="reason"
          defaultValue={state.status === "error" ? state.values.reason : "spoiled"}
          className={input}
        >
          {LINE_REFUND_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("note")}>{t("note")}</label>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          maxLength={200}
          defaultValue={state.status === "error" ? (state.values.note ?? "") : ""}
          aria-invalid={errors.note ? true : undefined}
          className={input}
        />
        {errors.note ? (
          <p role="alert" className="text-berry-600">
            {errors.note}
          </p>
        ) : null}
      </div>
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
