import { ACCOUNT_PAGES, GATE_PAGES, SERVICE_WORKER_URL } from "./rules";

let firstPage = true;

/** Whether the document in the window is the one the browser navigated to (not a client-side move). */
function isLoadedDocument(): boolean {
  const [navigation] = performance.getEntriesByType("navigation");
  return navigation?.name === location.href;
}

/**
 * Registers the service worker and makes sure it keeps the page now on screen. A page the
 * browser loaded through the worker is kept already; one reached by a client-side move, shown
 * again after a refresh (a payment), or loaded before the worker ran is fetched once more so
 * that the kept copy matches what the buyer saw.
 */
export async function keepPageForOffline(): Promise<void> {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  const loadedThroughWorker = firstPage && navigator.serviceWorker.controller !== null && isLoadedDocument();
  firstPage = false;
  try {
    await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
    if (!navigator.onLine) return;
    // A worker that took control while the page loaded (its first install) did not see the
    // navigation: only a copy actually kept proves the page is kept.
    if (loadedThroughWorker && (await caches.match(location.href, { ignoreVary: true }))) return;
    const { active } = await navigator.serviceWorker.ready;
    active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.href] } });
  } catch {
    // No service worker here (a private window, a blocked one): the page still works online.
  }
}

/** Deletes the pages kept for whoever was signed in (account, gate); called when they sign out. */
export async function forgetAccountPages(): Promise<void> {
  if (!("caches" in window)) return;
  await caches.delete(ACCOUNT_PAGES).catch(() => false);
  await caches.delete(GATE_PAGES).catch(() => false);
}

/** Whose signed-in pages the phone keeps (an account id), so another account never opens them. */
const OWNER = "suoqian.keptPagesOwner";

/**
 * Called with the account signed in now, as the server just said (so only when online):
 * pages kept for another account are deleted first, whether or not it signed out.
 */
export async function keptPagesBelongTo(accountId: string): Promise<void> {
  let owner: string | null = null;
  try {
    owner = window.localStorage.getItem(OWNER);
  } catch {
    // Storage blocked: treat the kept pages as someone else's.
  }
  if (owner === accountId) return;
  await forgetAccountPages();
  try {
    window.localStorage.setItem(OWNER, accountId);
  } catch {
    // Storage blocked: the pages are forgotten again next time, which is the safe side.
  }
}
