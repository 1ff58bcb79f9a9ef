"use client";
import { useEffect, useState } from "react";

/** How often a gate with signal sends its queue and pulls the other gates' admissions. */
export const SYNC_EVERY_MS = 30_000;

/**
 * Whether the device has signal, and when to sync: on the online event and every 30 s. `now`
 * ticks with it, so a gate that has not synced for long can say so.
 */
export function useSyncSchedule(syncNow: () => Promise<void>) {
  const [online, setOnline] = useState(true);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) void syncNow();
    };
    setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    const timer = setInterval(() => {
      setNow(Date.now());
      void syncNow();
    }, SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      clearInterval(timer);
    };
  }, [syncNow]);

  return { online, now };
}
