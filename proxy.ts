import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { isUnstorable } from "./lib/http";
import { apiLocale, apiMessage } from "./lib/i18n/api";
import { routing } from "./lib/i18n/routing";
import { configuredTiles } from "./lib/map-tiles";
import { REQUEST_ID_HEADER, requestIdOf } from "./lib/request-id";
import { securityHeaders } from "./lib/security-headers";

// Runs before every request except Next's static files:
// 1. a path that is not valid percent-encoding (or holds NUL) answers 400, where Next itself
//    would fail with 500; a path segment longer than any of ours answers 414;
// 2. a server action's body over the upload limit answers 413, in the user's language;
// 3. pages get their locale (next-intl); API answers and photos pass through;
// 4. every answer gets the security headers (lib/security-headers.ts) and the request id
//    (lib/request-id.ts), which is also passed on to the page or action as `x-request-id`.
// Access checks live next to the data (pages, actions, handlers), not here.

const intl = createMiddleware(routing);

/** Server actions carry photos (modules/media refuses over 8 MB); next.config.mjs lets 9 MB through. */
const ACTION_BODY_LIMIT = 9 * 1024 * 1024;

const settings = {
  // The same choice as lib/config.ts, so the CSP allows the tiles the maps ask for.
  tiles: configuredTiles({ MAP_TILES: process.env.MAP_TILES, TIANDITU_KEY: process.env.TIANDITU_KEY }),
  siteUrl: process.env.NEXTAUTH_URL ?? "http://localhost",
};

/** A path and query that decode to storable text: valid percent-encoding, no NUL, no lone surrogate. */
function decodable(url: URL): boolean {
  try {
    const decoded = [decodeURIComponent(url.pathname), ...url.searchParams.keys(), ...url.searchParams.values()];
    return !decoded.some(isUnstorable);
  } catch {
    return false;
  }
}

function withHeaders(response: NextResponse | Response, path: string, requestId: string): NextResponse | Response {
  for (const [name, value] of Object.entries(securityHeaders(path, settings))) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

const ERROR_CODES = { 400: "bad_request", 413: "payload_too_large", 414: "uri_too_long" } as const;

function refuse(request: NextRequest, status: 400 | 413 | 414, key: string, path: string, requestId: string) {
  const locale = apiLocale(request);
  const message = apiMessage(locale, key);
  const body = path.startsWith("/api/")
    ? Response.json({ error: ERROR_CODES[status], message }, { status })
    : new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return withHeaders(body, path, requestId);
}

/** No page or file of this site has a path segment this long; the cache could not even name its file. */
const MAX_SEGMENT = 200;

export default function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const requestId = requestIdOf(request.headers);
  if (!decodable(request.nextUrl)) return refuse(request, 400, "errors.badPath", path, requestId);
  if (path.split("/").some((segment) => segment.length > MAX_SEGMENT)) {
    return refuse(request, 414, "errors.badPath", path, requestId);
  }
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT
  ) {
    return refuse(request, 413, "validation.image.tooLarge", path, requestId);
  }
  // Server code reads the id from the request (next-intl passes the request's headers on).
  request.headers.set(REQUEST_ID_HEADER, requestId);
  const passThrough = /^\/(api|media)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path);
  // A page's share image is one file per language: the bare path is the Chinese one, for
  // every client (a crawler that prefers English is not redirected away from the image
  // the page names; the English page names its /en one).
  const shareImage = /\/opengraph-image(-[a-z0-9]+)?$/.test(path) && !/^\/(en|zh-CN)(\/|$)/.test(path);
  const response = passThrough
    ? NextResponse.next({ request: { headers: request.headers } })
    : shareImage
      ? NextResponse.rewrite(new URL(`/zh-CN${path}${request.nextUrl.search}`, request.url), {
          request: { headers: request.headers },
        })
      : intl(request);
  return withHeaders(response, path, requestId);
}

// Pages, photos and files, plus only those API paths that carry percent-encoding:
// running the proxy costs an API request a quarter of its throughput at a sale's
// peak (measured on POST /api/orders), so ordinary API paths skip it and get their
// headers from next.config.mjs, while an encoded one still gets its 400 here.
export const config = {
  matcher: ["/((?!_next/static|_next/image|api/).*)", "/api/(.*%.*)"],
};
