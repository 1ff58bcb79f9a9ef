// Reading a back-office list's filter from its query string, and writing it back
// for links. Anything unknown or out of range is ignored, never refused.

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first non-empty value of a parameter. */
export function param(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first : undefined;
}

/** A search box's text: trimmed, at most 100 characters. */
export function searchText(params: SearchParams, key = "q"): string | undefined {
  return param(params, key)?.trim().slice(0, 100) || undefined;
}

/** The value if it is one of `allowed` (compared as given, after `normalise`). */
export function oneOf<T extends string>(
  params: SearchParams,
  key: string,
  allowed: readonly T[],
  normalise: (v: string) => string = (v) => v,
): T | undefined {
  const value = param(params, key);
  if (value === undefined) return undefined;
  const normalised = normalise(value);
  return (allowed as readonly string[]).includes(normalised) ? (normalised as T) : undefined;
}

/** The page number, 1 to 10,000; 1 when absent or odd. */
export function pageParam(params: SearchParams): number {
  const page = Number(param(params, "page") ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** "?a=1&b=2" from the set values, or "" when none is. */
export function queryString(values: Record<string, string | undefined | false>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `?${text}` : "";
}
