import { shanghaiDateTimeText } from "@/lib/dates";

// How an entry's changes read on the log page: one short line per field, values
// shortened, instants in Suoqian's time. Pure, so the page only lays them out.

export type ChangeLine =
  | { kind: "field"; field: string; from: string; to: string }
  | { kind: "value"; field: string; value: string }
  | { kind: "collection"; field: string; added: string[]; changed: string[]; removed: string[] };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MAX = 60;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value in a few characters: "—" for none, instants as "2027-06-11 08:00", JSON cut at 60 characters. */
export function shortValue(value: unknown, max = MAX): string {
  if (value === null || value === undefined) return "—";
  let text: string;
  if (typeof value === "string") text = INSTANT.test(value) ? shanghaiDateTimeText(new Date(value)) : value;
  else if (typeof value === "number" || typeof value === "boolean") text = String(value);
  else text = JSON.stringify(value) ?? "";
  if (text === "") return '""';
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

const isFieldChange = (value: unknown): value is { from: unknown; to: unknown } =>
  isObject(value) && "from" in value && "to" in value && Object.keys(value).length === 2;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === "string" ? v : shortValue(v))) : [];

/** A changed item of a list (a ticket type, a session): its name and its fields' changes. */
function changedItem(value: unknown): string {
  if (!isObject(value)) return shortValue(value);
  const name = typeof value.name === "string" ? value.name : "";
  const changes = isObject(value.changes) ? value.changes : {};
  const fields = Object.entries(changes).map(([field, change]) =>
    isFieldChange(change)
      ? `${field} ${shortValue(change.from, 24)} → ${shortValue(change.to, 24)}`
      : `${field} ${shortValue(change, 24)}`,
  );
  return fields.length > 0 ? `${name} (${fields.join(", ")})` : name;
}

/** The lines of an entry's `changes`: fields changed from → to, lists added/changed/removed, other facts. */
export function changeLines(changes: unknown): ChangeLine[] {
  if (!isObject(changes)) return [];
  return Object.entries(changes).map(([field, value]): ChangeLine => {
    if (isFieldChange(value)) return { kind: "field", field, from: shortValue(value.from), to: shortValue(value.to) };
    if (isObject(value) && Array.isArray(value.added) && Array.isArray(value.removed)) {
      return {
        kind: "collection",
        field,
        added: strings(value.added),
        changed: Array.isArray(value.changed) ? value.changed.map(changedItem) : [],
        removed: strings(value.removed),
      };
    }
    return { kind: "value", field, value: shortValue(value) };
  });
}
