import type { ReactNode } from "react";

/** One "add" line of a day: a labelled list to pick from, and the button that adds the pick. */
export function AddRow({
  id,
  label,
  value,
  onChange,
  disabled,
  placeholder,
  addLabel,
  onAdd,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** The empty first option. */
  placeholder: string;
  addLabel: string;
  onAdd: () => void;
  /** The options after the placeholder. */
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="w-full sm:w-auto">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        className="min-h-11 min-w-0 max-w-full flex-1 rounded border border-stone-300 px-2 py-1"
      >
        <option value="">{placeholder}</option>
        {children}
      </select>
      <button
        type="button"
        disabled={!value}
        onClick={onAdd}
        className="min-h-11 rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 disabled:opacity-50"
      >
        {addLabel}
      </button>
    </div>
  );
}
