import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

// A back-office list's filters as a GET form: submitting it loads the list with the
// filter in the query string, so a filtered view is a link. Every field is labelled.

const control = "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white py-2";

/** The form: its fields, then the submit button (and a link that clears the filter). */
export function FilterForm({
  columns,
  submit,
  reset,
  testId,
  children,
}: {
  /** The grid's columns from the small breakpoint up, e.g. "sm:grid-cols-[2fr_1fr_1fr_auto]". */
  columns: string;
  submit: string;
  reset?: { href: string; label: string };
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      className={`grid gap-2 rounded-xl bg-white p-3 text-sm shadow-sm ${columns}`}
      data-testid={testId}
    >
      {children}
      <div className="flex items-end gap-3">
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 py-2 text-white">
          {submit}
        </button>
        {reset ? (
          <Link href={reset.href} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {reset.label}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** A text field: a search box by default, or a date. */
export function FilterInput({
  label,
  name,
  defaultValue,
  type = "search",
  placeholder,
  maxLength,
}: {
  label: string;
  name: string;
  defaultValue: string | undefined;
  type?: "search" | "text" | "date";
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <label>
      <span className="block text-stone-600">{label}</span>
      <input
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        placeholder={placeholder}
        maxLength={maxLength}
        className={`${control} px-3`}
      />
    </label>
  );
}

/** A choice: "all" first (the empty value), then each option. */
export function FilterSelect({
  label,
  name,
  defaultValue,
  all,
  options,
}: {
  label: string;
  name: string;
  defaultValue: string | undefined;
  /** The label of the empty value, which sets no filter. */
  all: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <label>
      <span className="block text-stone-600">{label}</span>
      <select name={name} defaultValue={defaultValue ?? ""} className={`${control} px-2`}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
