"use client";
import { useCallback, useEffect, useState } from "react";
import type { Counts } from "../../offline/local-counts";

export type { Counts };

const COUNTS_REFRESH_MS = 20_000;

/**
 * The gate's counter (admitted of all), refreshed from the server every 20 s and on demand;
 * a refresh answers the server's count, or null when it could not be asked.
 */
export function useGateCounts({
  festivalId,
  sessionId,
  locale,
  initialCounts,
}: {
  festivalId: string;
  sessionId: string | null;
  locale: string;
  initialCounts: Counts;
}) {
  const [counts, setCounts] = useState(initialCounts);

  const refreshCounts = useCallback(async (): Promise<Counts | null> => {
    const query = new URLSearchParams({ festivalId, lang: locale, ...(sessionId ? { sessionId } : {}) });
    try {
      const res = await fetch(`/api/check-in/stats?${query}`, { cache: "no-store" });
      if (!res.ok) return null;
      const fresh = (await res.json()) as Counts;
      setCounts(fresh);
      return fresh;
    } catch {
      // Keep the last count; the next refresh tries again.
      return null;
    }
  }, [festivalId, sessionId, locale]);

  useEffect(() => {
    const timer = setInterval(refreshCounts, COUNTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  return { counts, setCounts, refreshCounts };
}
