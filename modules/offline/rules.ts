// What the service worker (./sw.ts) keeps on the phone so tickets open at a gate with no
// signal, and what the pages make of it. Plain functions: the worker, the pages and the
// tests share them.

/** Order pages opened with their `?token=` link: whoever holds the link may see them, so they stay. */
export const TICKET_PAGES = "suoqian-ticket-pages";
/** Pages shown because someone is signed in (the account, an order without a token): gone at sign-out. */
export const ACCOUNT_PAGES = "suoqian-account-pages";
/** The organiser's gate (check-in) page, so a gate without signal reloads it: gone at sign-out too. */
export const GATE_PAGES = "suoqian-gate-pages";
export type PageCache = typeof TICKET_PAGES | typeof ACCOUNT_PAGES | typeof GATE_PAGES;

/** Served at /serwist/sw.js by app/serwist/[path]/route.ts, controlling the whole site. */
export const SERVICE_WORKER_URL = "/serwist/sw.js";

/** One bar of signal at a gate: after this long the kept copy is shown (the network may still refresh it). */
export const NETWORK_TIMEOUT_SECONDS = 3;

/** A page rendered longer ago than this is a kept copy (leaves room for a phone clock a little off). */
export const STALE_AFTER_MS = 2 * 60 * 1000;

const ORDER_PAGE = /^(?:\/en)?\/orders\/[^/]+\/?$/;
const ACCOUNT_PAGE = /^(?:\/en)?\/account(?:\/.*)?$/;
const GATE_PAGE = /^(?:\/en)?\/organiser\/check-in\/?$/;

/**
 * The cache a page belongs in, or null when it is not kept. `url` is the page's own address:
 * the key is the full URL, token included, so each order link keeps its own copy.
 */
export function pageCacheFor(url: URL): PageCache | null {
  // Next's client-side fetches of a page's data (RSC) are not the page.
  if (url.searchParams.has("_rsc")) return null;
  if (ORDER_PAGE.test(url.pathname)) return url.searchParams.has("token") ? TICKET_PAGES : ACCOUNT_PAGES;
  if (ACCOUNT_PAGE.test(url.pathname)) return ACCOUNT_PAGES;
  if (GATE_PAGE.test(url.pathname)) return GATE_PAGES;
  return null;
}

/** Navigations the worker never touches: API answers (including sign-in and out), its own files, Next's. */
export function bypassesWorker(pathname: string): boolean {
  return /^\/(?:api|serwist|_next)(?:\/|$)/.test(pathname);
}

/** The precached page that says "you are offline", in the language of the page asked for. */
export function offlinePageFor(pathname: string): "/offline" | "/en/offline" {
  return pathname === "/en" || pathname.startsWith("/en/") ? "/en/offline" : "/offline";
}

type Answer = { status: number; type: string; redirected: boolean };

/**
 * What to do with the network's answer for a kept page: store a page the server shows; forget
 * our copy when the server no longer shows that address (a redirect, e.g. to sign-in once the
 * session ended, or 401/403/404/410); keep the copy through a server error.
 */
export function cachingDecision(answer: Answer): "store" | "forget" | "keep" {
  if (answer.type === "opaqueredirect" || answer.redirected || (answer.status >= 300 && answer.status < 400)) {
    return "forget";
  }
  if (answer.status === 200) return "store";
  if ([401, 403, 404, 410].includes(answer.status)) return "forget";
  return "keep";
}

/** Whether a page rendered at `renderedAt` and shown at `now` (both ms) is a kept copy rather than fresh. */
export function isStale(renderedAt: number, now: number): boolean {
  return now - renderedAt > STALE_AFTER_MS;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The heading of a kept page's HTML (its first h1, as text), to name it in the list of kept pages. */
export function pageHeading(html: string): string | null {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  if (inner === undefined) return null;
  const text = inner
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, " ")
    .trim();
  return text === "" ? null : text;
}
