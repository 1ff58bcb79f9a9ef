import { describe, expect, it } from "vitest";
import {
  ACCOUNT_PAGES,
  bypassesWorker,
  cachingDecision,
  GATE_PAGES,
  isStale,
  offlinePageFor,
  pageCacheFor,
  pageHeading,
  STALE_AFTER_MS,
  TICKET_PAGES,
} from "./rules";

const at = (path: string) => new URL(path, "https://suoqian.example");

describe("which pages the service worker keeps", () => {
  it("keeps an order page opened with its token link, in both languages, keyed by that link", () => {
    expect(pageCacheFor(at("/orders/ord_1?token=abc"))).toBe(TICKET_PAGES);
    expect(pageCacheFor(at("/en/orders/ord_1?token=abc"))).toBe(TICKET_PAGES);
  });

  it("keeps the signed-in owner's order page and the account pages apart, for sign-out to forget", () => {
    expect(pageCacheFor(at("/orders/ord_1"))).toBe(ACCOUNT_PAGES);
    expect(pageCacheFor(at("/account"))).toBe(ACCOUNT_PAGES);
    expect(pageCacheFor(at("/en/account"))).toBe(ACCOUNT_PAGES);
    expect(pageCacheFor(at("/account/tickets"))).toBe(ACCOUNT_PAGES);
    expect(pageCacheFor(at("/organiser/check-in?festival=bayberry-festival&session=s1"))).toBe(GATE_PAGES);
    expect(pageCacheFor(at("/en/organiser/check-in"))).toBe(GATE_PAGES);
    expect(pageCacheFor(at("/organiser"))).toBeNull();
    expect(pageCacheFor(at("/organiser/check-in/other"))).toBeNull();
  });

  it("keeps nothing else: other pages, back offices, Next's data requests, API answers", () => {
    for (const path of [
      "/",
      "/en",
      "/festivals/bayberry-festival",
      "/orders",
      "/orders/ord_1/extra",
      "/organiser/orders/ord_1",
      "/admin/orders",
      "/accounts",
      "/api/orders/ord_1?token=abc",
      "/api/auth/session",
      "/orders/ord_1?token=abc&_rsc=1x2y",
    ]) {
      expect(pageCacheFor(at(path)), path).toBeNull();
    }
  });

  it("leaves API calls (sign-in and out among them) and its own files to the browser", () => {
    expect(bypassesWorker("/api/auth/signout")).toBe(true);
    expect(bypassesWorker("/api/orders")).toBe(true);
    expect(bypassesWorker("/serwist/sw.js")).toBe(true);
    expect(bypassesWorker("/_next/static/chunks/a.js")).toBe(true);
    expect(bypassesWorker("/apiary")).toBe(false);
    expect(bypassesWorker("/routes")).toBe(false);
  });

  it("answers an unreachable page with the offline page in its language", () => {
    expect(offlinePageFor("/routes")).toBe("/offline");
    expect(offlinePageFor("/")).toBe("/offline");
    expect(offlinePageFor("/en")).toBe("/en/offline");
    expect(offlinePageFor("/en/routes")).toBe("/en/offline");
    expect(offlinePageFor("/entrance")).toBe("/offline");
  });
});

describe("what the worker does with the network's answer", () => {
  const answer = (status: number, extra: Partial<{ type: string; redirected: boolean }> = {}) => ({
    status,
    type: "basic",
    redirected: false,
    ...extra,
  });

  it("stores a page the server shows", () => {
    expect(cachingDecision(answer(200))).toBe("store");
  });

  it("forgets its copy when the server sends the visitor elsewhere (the session ended) or no longer shows the page", () => {
    expect(cachingDecision(answer(0, { type: "opaqueredirect" }))).toBe("forget");
    expect(cachingDecision(answer(200, { redirected: true }))).toBe("forget");
    expect(cachingDecision(answer(307))).toBe("forget");
    for (const status of [401, 403, 404, 410]) expect(cachingDecision(answer(status))).toBe("forget");
  });

  it("keeps its copy through a server error", () => {
    expect(cachingDecision(answer(500))).toBe("keep");
    expect(cachingDecision(answer(503))).toBe("keep");
    expect(cachingDecision(answer(429))).toBe("keep");
  });
});

describe("the notice on a kept page", () => {
  it("calls a page rendered moments ago fresh and an older one a kept copy", () => {
    const renderedAt = Date.UTC(2027, 5, 4, 8, 0);
    expect(isStale(renderedAt, renderedAt + 1000)).toBe(false);
    expect(isStale(renderedAt, renderedAt + STALE_AFTER_MS)).toBe(false);
    expect(isStale(renderedAt, renderedAt + STALE_AFTER_MS + 1)).toBe(true);
    expect(isStale(renderedAt, renderedAt + 3 * 24 * 3600 * 1000)).toBe(true);
  });
});

describe("naming a kept page", () => {
  it("reads the first heading as text, entities decoded", () => {
    const html = `<html><head><title>所前游</title></head><body><h1 class="mb-4">订单 <!-- -->SQ4K&amp;7&#x2F;X&#39;s</h1><h1>second</h1></body></html>`;
    expect(pageHeading(html)).toBe("订单 SQ4K&7/X's");
  });

  it("has no name for a page without a heading", () => {
    expect(pageHeading("<html><body><p>no heading</p></body></html>")).toBeNull();
    expect(pageHeading("<h1>  </h1>")).toBeNull();
  });
});
