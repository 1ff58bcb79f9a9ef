export const inputClass =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid]:border-berry-600";

/** A field's or section's error, announced when it appears. */
export function FieldAlert({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" className="text-berry-600 text-sm">
      {message}
    </p>
  ) : null;
}

/** A labelled text input (or textarea) of the route's form, with its error below. */
export function RouteTextField({
  name,
  label,
  value,
  error,
  multiline = false,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  error?: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const props = {
    id: `route-${name}`,
    value,
    "aria-invalid": error ? true : undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={props.id} className="font-medium text-sm">
        {label}
      </label>
      {multiline ? (
        <textarea {...props} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldAlert message={error} />
    </div>
  );
}
