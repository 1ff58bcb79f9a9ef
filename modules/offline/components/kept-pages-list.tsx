"use client";
import { useEffect, useState } from "react";
import { type KeptPage, listKeptPages } from "../kept-pages";

/** Links to the ticket pages kept on this device (read from the service worker's caches). */
export function KeptPagesList({ heading, empty, retry }: { heading: string; empty: string; retry: string }) {
  const [pages, setPages] = useState<KeptPage[] | null>(null);
  useEffect(() => {
    listKeptPages()
      .then(setPages)
      .catch(() => setPages([]));
  }, []);
  return (
    <section className="space-y-3">
      <h2 className="font-semibold text-lg">{heading}</h2>
      {pages === null ? null : pages.length === 0 ? (
        <p className="text-stone-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl bg-white shadow-sm" data-testid="kept-pages">
          {pages.map((page) => (
            <li key={page.href}>
              {/* A full navigation, so the service worker answers it from the kept copy. */}
              <a href={page.href} className="block p-3 text-brand-700 underline">
                {page.heading}
              </a>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => location.reload()}
        className="rounded-lg border border-stone-300 bg-white px-4 py-2"
      >
        {retry}
      </button>
    </section>
  );
}
