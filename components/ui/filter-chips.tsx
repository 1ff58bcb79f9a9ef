"use client";

const chip = (pressed: boolean) =>
  `shrink-0 rounded-full border px-3 py-1 text-sm ${pressed ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-stone-700"}`;

/** One filter as a row of toggle chips: "all", then each option; the chosen one is pressed. */
export function FilterChips<V extends string>({
  legend,
  showLegend = false,
  allLabel,
  options,
  value,
  onChange,
  className = "flex flex-wrap gap-2",
}: {
  legend: string;
  /** Show the legend beside the chips (else it is for screen readers only). */
  showLegend?: boolean;
  allLabel: string;
  options: { value: V; label: string }[];
  value: V | null;
  onChange: (value: V | null) => void;
  className?: string;
}) {
  // A fieldset is as wide as its content by default (min-width: min-content): min-w-0 lets a
  // scrolling row of chips scroll inside the screen instead of widening the page.
  return (
    <fieldset className={`min-w-0 ${className}`}>
      <legend className="sr-only">{legend}</legend>
      {showLegend ? (
        <span className="self-center text-sm text-stone-600" aria-hidden="true">
          {legend}
        </span>
      ) : null}
      <button
        type="button"
        className={chip(value === null)}
        aria-pressed={value === null}
        onClick={() => onChange(null)}
      >
        {allLabel}
      </button>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={chip(value === o.value)}
          aria-pressed={value === o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}
