// Reading a back-office list's filter from its query string, and writing it back
// for links. Anything unknown or out of range is ignored, never refused.

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first non-empty value of a parameter. */
export function param(params: SearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first : undefined;
}

/** "?a=1&b=2" from the set values, or "" when none is. */
export function queryString(values: Record<string, string | undefined | false>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) query.set(k, v);
  const text = query.toString();
  return text ? `?${text}` : "";
}
