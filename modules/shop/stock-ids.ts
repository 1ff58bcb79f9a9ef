// The stock API's one input, shared with the pages that call it.

/** Most products one stock request may ask about. */
export const MAX_STOCK_IDS = 50;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads `ids=a,b,…` (1 to MAX_STOCK_IDS distinct ids); null when it is not that. */
export function parseStockIds(param: string | null): string[] | null {
  const ids = [
    ...new Set(
      (param ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0 || ids.length > MAX_STOCK_IDS || !ids.every((id) => ID.test(id))) return null;
  return ids;
}
