import { ACCOUNT_PAGES, pageHeading, TICKET_PAGES } from "./rules";

export type KeptPage = { href: string; heading: string; keptAt: number };

/** The pages the service worker keeps on this device, newest first: what the offline page lists. */
export async function listKeptPages(): Promise<KeptPage[]> {
  if (!("caches" in window)) return [];
  const kept: KeptPage[] = [];
  for (const name of [TICKET_PAGES, ACCOUNT_PAGES]) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      const response = await cache.match(request, { ignoreVary: true });
      if (url.origin !== location.origin || !response) continue;
      kept.push({
        href: url.pathname + url.search,
        heading: pageHeading(await response.text()) ?? url.pathname,
        keptAt: Date.parse(response.headers.get("date") ?? "") || 0,
      });
    }
  }
  return kept.sort((a, b) => b.keptAt - a.keptAt);
}
