"use client";
import { useTranslations } from "next-intl";

/** − n + with big touch targets; the number can be typed as well. */
export function QuantityStepper({
  label,
  value,
  max,
  onChange,
}: {
  label: string;
  value: number;
  max: number;
  onChange: (value: number) => void;
}) {
  const t = useTranslations("basket");
  const set = (next: number) => onChange(Math.max(0, Math.min(max, Number.isFinite(next) ? Math.floor(next) : 0)));
  return (
    <span className="inline-flex items-center rounded-lg border border-stone-300">
      <button
        type="button"
        aria-label={t("fewer", { name: label })}
        disabled={value <= 0}
        onClick={() => set(value - 1)}
        className="h-11 w-11 text-lg disabled:opacity-40"
      >
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        value={value}
        aria-label={t("quantityOf", { name: label })}
        onChange={(e) => set(Number(e.target.value))}
        className="h-11 w-12 border-stone-300 border-x text-center [appearance:textfield]"
      />
      <button
        type="button"
        aria-label={t("more", { name: label })}
        disabled={value >= max}
        onClick={() => set(value + 1)}
        className="h-11 w-11 text-lg disabled:opacity-40"
      >
        +
      </button>
    </span>
  );
}
