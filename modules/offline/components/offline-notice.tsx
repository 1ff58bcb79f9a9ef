"use client";
import { type ReactNode, useEffect, useState } from "react";
import { keepPageForOffline } from "../keep-page";
import { isStale } from "../rules";

/**
 * Hidden while the page is live; shown when the browser is offline or the page is a copy
 * the service worker kept (rendered a while before it was shown). Also asks the worker to
 * keep this page. The server writes the words; this only decides when they show.
 */
export function OfflineNotice({ renderedAt, children }: { renderedAt: number; children: ReactNode }) {
  const [stale, setStale] = useState(false);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    setStale(isStale(renderedAt, Date.now()));
    const update = () => setOffline(!navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    void keepPageForOffline();
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [renderedAt]);
  return (
    <p
      role="status"
      hidden={!stale && !offline}
      data-testid="offline-notice"
      data-rendered-at={renderedAt}
      className="no-print rounded-lg bg-amber-50 px-3 py-2 text-amber-900 text-sm"
    >
      {children}
    </p>
  );
}
