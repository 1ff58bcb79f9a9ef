"use client";
import { useEffect, useState } from "react";

/**
 * Filters kept in the page's query string, so a filtered view can be shared and
 * survives a reload or the language switch. They are read once the page runs,
 * not with useSearchParams: that would keep a cached page's list out of its HTML
 * (and send it twice). The server renders everything; the browser then narrows it.
 * Changes go to the URL through the history API, so no server round trip.
 */
export function useUrlFilters() {
  const [params, setParams] = useState(() => new URLSearchParams());
  // What the URL said when the page loaded or the visitor went back: text inputs follow
  // this, not every write (which would trim what is being typed).
  const [read, setRead] = useState(() => new URLSearchParams());
  useEffect(() => {
    const readUrl = () => {
      const current = new URLSearchParams(window.location.search);
      setParams(current);
      setRead(current);
    };
    readUrl();
    window.addEventListener("popstate", readUrl);
    return () => window.removeEventListener("popstate", readUrl);
  }, []);

  function write(next: URLSearchParams) {
    const query = next.toString();
    // Next keeps its router (and the language switch's useSearchParams) in step with these calls.
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    setParams(next);
  }

  return {
    params,
    read,
    setFilter(name: string, value: string | null) {
      const next = new URLSearchParams(params);
      if (value) next.set(name, value);
      else next.delete(name);
      write(next);
    },
    clear() {
      write(new URLSearchParams());
    },
  };
}
