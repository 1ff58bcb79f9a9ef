"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { LINE_REFUND_REASONS } from "../../line-refund-rules";
import type { RefundableLineView } from "./types";

const input =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 aria-[invalid]:border-berry-600";

type FieldsProps = {
  line: RefundableLineView;
  /** What was typed before the form came back with errors; null on a fresh form. */
  values: Record<string, string> | null;
  errors: Record<string, string>;
};

const fieldId = (line: RefundableLineView, name: string) => `refund-${line.itemId}-${name}`;

function FieldError({ error }: { error?: string }) {
  return error ? (
    <p role="alert" className="text-berry-600">
      {error}
    </p>
  ) : null;
}

/**
 * How much goes back: a number of units (and whether the delivery fee goes too), or an amount
 * up to what is left of the line. One component for both, so switching keeps the same field
 * element, as it always has.
 */
export function SizeFields({ mode, line, values, errors }: FieldsProps & { mode: "quantity" | "amount" }) {
  const t = useTranslations("lineRefund");
  const locale = useLocale();
  const id = (name: string) => fieldId(line, name);
  return mode === "quantity" ? (
    <div>
      <label htmlFor={id("quantity")}>{t("quantity", { unit: line.unit })}</label>
      <input
        id={id("quantity")}
        name="quantity"
        inputMode="numeric"
        defaultValue={values ? (values.quantity ?? "") : ""}
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
      <FieldError error={errors.quantity} />
    </div>
  ) : (
    <div>
      <label htmlFor={id("amount")}>{t("amount")}</label>
      <input
        id={id("amount")}
        name="amount"
        inputMode="decimal"
        defaultValue={values ? (values.amount ?? "") : ""}
        aria-invalid={errors.amount ? true : undefined}
        className={input}
      />
      <p className="text-stone-500 text-xs">
        {t("amountHint", { max: formatMoney(line.centsLeft, line.currency, locale) })}
      </p>
      <FieldError error={errors.amount} />
    </div>
  );
}

/** Why the money goes back: a reason from the list, and a note. */
export function ReasonFields({ line, values, errors }: FieldsProps) {
  const t = useTranslations("lineRefund");
  return (
    <>
      <div>
        <label htmlFor={fieldId(line, "reason")}>{t("reason")}</label>
        <select
          id={fieldId(line, "reason")}
          name="reason"
          defaultValue={values ? values.reason : "spoiled"}
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
        <label htmlFor={fieldId(line, "note")}>{t("note")}</label>
        <textarea
          id={fieldId(line, "note")}
          name="note"
          rows={2}
          maxLength={200}
          defaultValue={values ? (values.note ?? "") : ""}
          aria-invalid={errors.note ? true : undefined}
          className={input}
        />
        <FieldError error={errors.note} />
      </div>
    </>
  );
}
