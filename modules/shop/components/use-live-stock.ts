"use client";
import { useRefreshed } from "@/lib/use-refreshed";
import { MAX_STOCK_IDS } from "../stock-ids";

const REFRESH_MS = 30_000;

async function loadStock(key: string): Promise<Map<string, number | null>> {
  const all = key.split(",");
  const batches: string[][] = [];
  for (let i = 0; i < all.length; i += MAX_STOCK_IDS) batches.push(all.slice(i, i + MAX_STOCK_IDS));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const res = await fetch(`/api/products/stock?ids=${batch.map(encodeURIComponent).join(",")}`, {
        cache: "no-store",
      });
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { stock: Record<string, number | null> }).stock;
    }),
  );
  return new Map(answers.flatMap((a) => Object.entries(a)));
}

/**
 * Stock left per product, fetched live (the pages themselves are served from
 * cache): null in the map = made to order; the map itself is null until the
 * first answer. Asks in batches of the API's limit, again every 30 s.
 */
export function useLiveStock(ids: readonly string[]): Map<string, number | null> | null {
  return useRefreshed(ids.join(","), loadStock, REFRESH_MS);
}

/** One product's live stock: undefined until known, null when made to order, 0 when no longer on sale. */
export function stockOf(stock: Map<string, number | null> | null, id: string): number | null | undefined {
  if (!stock) return undefined;
  return stock.has(id) ? (stock.get(id) ?? null) : 0;
}
