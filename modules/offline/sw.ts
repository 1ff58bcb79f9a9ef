/// <reference lib="webworker" />
// The service worker, bundled by Serwist (app/serwist/[path]/route.ts) into /serwist/sw.js.
// 1. The build's static files (scripts, styles, icons) and the offline pages are precached.
// 2. Ticket pages (an order, the account) are fetched network first; after a few seconds
//    without an answer, or with no network, the copy kept from the last visit is shown.
//    Next marks them `no-store`, which speaks to shared and HTTP caches; this copy stays on
//    the buyer's phone, and the signed-in one is deleted at sign-out (components/layout/user-menu.tsx).
//    The organiser's gate page (/organiser/check-in) is kept the same way, so a gate that lost
//    its signal reloads it; its scans are decided from the manifest kept in IndexedDB.
// 3. Any other page goes to the network; offline, the offline page answers.
// 4. A new version of the worker fetches the kept pages again (they name the build's files).
// Nothing else (API calls, writes, sign-in, other sites) passes through the worker.
import type { PrecacheEntry, RouteMatchCallbackOptions, SerwistPlugin } from "serwist";
import { ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist } from "serwist";
import {
  ACCOUNT_PAGES,
  bypassesWorker,
  cachingDecision,
  GATE_PAGES,
  NETWORK_TIMEOUT_SECONDS,
  offlinePageFor,
  type PageCache,
  pageCacheFor,
  TICKET_PAGES,
} from "./rules";

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Stores what the server shows; forgets the copy of an address the server no longer shows. */
function keepOnlyWhatTheServerShows(cacheName: PageCache): SerwistPlugin {
  return {
    cacheWillUpdate: async ({ request, response }) => {
      const decision = cachingDecision(response);
      if (decision === "store") return response;
      if (decision === "forget") await (await caches.open(cacheName)).delete(request, { ignoreVary: true });
      return null;
    },
  };
}

function keptPages(cacheName: PageCache) {
  return {
    matcher: ({ request, url, sameOrigin }: RouteMatchCallbackOptions) =>
      sameOrigin && !request.headers.has("RSC") && pageCacheFor(url) === cacheName,
    handler: new NetworkFirst({
      cacheName,
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      // Next varies pages on its router headers, which a reload does not send either way.
      matchOptions: { ignoreVary: true },
      plugins: [keepOnlyWhatTheServerShows(cacheName), new ExpirationPlugin({ maxEntries: 40 })],
    }),
  };
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    keptPages(TICKET_PAGES),
    keptPages(ACCOUNT_PAGES),
    keptPages(GATE_PAGES),
    {
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && !bypassesWorker(url.pathname),
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [
      {
        url: "/en/offline",
        matcher: ({ request }) =>
          request.mode === "navigate" && offlinePageFor(new URL(request.url).pathname) === "/en/offline",
      },
      { url: "/offline", matcher: ({ request }) => request.mode === "navigate" },
    ],
  },
});

/**
 * A new version of the site drops the old build's files from the precache, which the kept
 * pages name; a new worker is installed online, so it fetches the kept pages again then.
 */
async function refreshKeptPages(event: ExtendableEvent) {
  for (const name of [TICKET_PAGES, ACCOUNT_PAGES, GATE_PAGES]) {
    if (!(await caches.has(name))) continue;
    for (const kept of await (await caches.open(name)).keys()) {
      await serwist.handleRequest({ request: new Request(kept.url), event })?.catch(() => undefined);
    }
  }
}

self.addEventListener("activate", (event) => event.waitUntil(refreshKeptPages(event)));
serwist.addEventListeners();
