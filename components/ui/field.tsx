import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field({ name, label, error, hint, ...input }: FieldProps) {
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium text-sm text-stone-800">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600"
        {...input}
      />
      {hint ? (
        <p id={`${name}-hint`} className="text-stone-500 text-xs">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="text-berry-600 text-sm" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
