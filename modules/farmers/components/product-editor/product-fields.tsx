import type { InputHTMLAttributes } from "react";
import type { FormView } from "./types";

const input =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600";

/** A labelled input, with its hint and error below. */
export function ProductField({
  name,
  label,
  form,
  hint,
  ...props
}: {
  name: "nameZh" | "nameEn" | "price" | "stock" | "availableFrom" | "availableUntil" | "deliveryFee";
  label: string;
  form: FormView;
  hint?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "required" | "maxLength" | "inputMode" | "type">) {
  const error = form.errors[name];
  return (
    <div>
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <input
        id={`product-${name}`}
        name={name}
        defaultValue={form.value(name)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `product-${name}-error` : undefined}
        className={input}
        {...props}
      />
      {hint ? <p className="mt-1 text-stone-500 text-xs">{hint}</p> : null}
      {error ? (
        <p id={`product-${name}-error`} role="alert" className="mt-1 text-berry-600 text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A description, as a textarea across both columns. */
export function ProductArea({
  name,
  label,
  form,
}: {
  name: "descriptionZh" | "descriptionEn";
  label: string;
  form: FormView;
}) {
  return (
    <div className="sm:col-span-2">
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <textarea id={`product-${name}`} name={name} rows={3} defaultValue={form.value(name)} className={input} />
    </div>
  );
}

/** A choice from a list (the category, the unit). */
export function ProductChoice({
  name,
  label,
  form,
  options,
}: {
  name: "category" | "unit";
  label: string;
  form: FormView;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={`product-${name}`} className="font-medium text-sm">
        {label}
      </label>
      <select id={`product-${name}`} name={name} defaultValue={form.value(name)} className={input}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
