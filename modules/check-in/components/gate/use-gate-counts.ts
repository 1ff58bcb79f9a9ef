"use client";
import { useCallback, useEffect, useState } from "react";

const COUNTS_REFRESH_MS = 20_000;

export type Counts = { checkedIn: number; total: number };

/** The gate's counter (admitted of all), refreshed from the server every 20 s and on demand. */
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

  const refreshCounts = useCallback(async () => {
    const query = new URLSearchParams({ festivalId, lang: locale, ...(sessionId ? { sessionId } : {}) });
    try {
      const res = await fetch(`/api/check-in/stats?${query}`, { cache: "no-store" });
      if (res.ok) setCounts((await res.json()) as Counts);
    } catch {
      // Keep the last count; the next refresh tries again.
    }
  }, [festivalId, sessionId, locale]);

  useEffect(() => {
    const timer = setInterval(refreshCounts, COUNTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  return { counts, setCounts, refreshCounts };
}
