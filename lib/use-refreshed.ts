"use client";
import { useEffect, useState } from "react";

/**
 * What `load(key)` answers, asked now and again every `everyMs` while mounted (pages are
 * served from cache; live figures such as seats and stock come this way): null until the
 * first answer, and a failed ask keeps the last one (the next tries again). An empty key
 * asks nothing. `load` should be a module-level function, so the timer is not restarted.
 */
export function useRefreshed<T>(key: string, load: (key: string) => Promise<T>, everyMs: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const ask = async () => {
      try {
        const answer = await load(key);
        if (live) setValue(answer);
      } catch {
        // Keep what we showed; the next refresh tries again.
      }
    };
    ask();
    const timer = setInterval(ask, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key, load, everyMs]);
  return value;
}
