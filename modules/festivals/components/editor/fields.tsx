import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600 disabled:bg-stone-100";
export const smallInputClass =
  "mt-0.5 block w-full rounded border border-stone-300 bg-white px-2 py-1.5 text-base aria-[invalid]:border-berry-600 sm:text-sm";

/** Accessibility attributes tying an input to its hint and error. */
export function describedBy(id: string, error?: string, hint?: string) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
}

export function ErrorText({ id, error }: { id?: string; error?: string }) {
  return error ? (
    <p id={id} role="alert" className="mt-1 text-berry-600 text-sm">
      {error}
    </p>
  ) : null;
}

/** A label above its input, the hint and the error below. */
export function FieldShell(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id} className="font-medium text-sm">
        {props.label}
      </label>
      {props.children}
      {props.hint ? (
        <p id={`${props.id}-hint`} className="mt-1 text-stone-500 text-xs">
          {props.hint}
        </p>
      ) : null}
      <ErrorText id={`${props.id}-error`} error={props.error} />
    </div>
  );
}

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: string;
  inputMode?: "decimal" | "numeric";
}) {
  const common = {
    ...describedBy(props.id, props.error, props.hint),
    value: props.value,
    className: inputClass,
  };
  return (
    <FieldShell id={props.id} label={props.label} error={props.error} hint={props.hint}>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          inputMode={props.inputMode}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}
