import { TextField } from "./fields";
import type { EditorFestival } from "./types";

export type SetFestival = <K extends keyof EditorFestival>(key: K, value: EditorFestival[K]) => void;

/** The form's state, its errors and its setter, as the sections share them. */
export type FestivalForm = { state: EditorFestival; errors: Record<string, string>; set: SetFestival };

type TextKey = {
  [K in keyof EditorFestival]-?: EditorFestival[K] extends string ? K : never;
}[keyof EditorFestival];

/** One of the festival's text fields, bound to the form's state and errors. */
export function FestivalText({
  form,
  name,
  label,
  multiline,
  type,
  hint,
  numeric,
}: {
  form: FestivalForm;
  name: TextKey;
  label: string;
  multiline?: boolean;
  type?: string;
  hint?: string;
  numeric?: boolean;
}) {
  return (
    <TextField
      id={`festival-${name}`}
      label={label}
      value={form.state[name]}
      onChange={(v) => form.set(name, v)}
      error={form.errors[name]}
      hint={hint}
      multiline={multiline}
      type={type}
      inputMode={numeric ? "numeric" : undefined}
    />
  );
}
