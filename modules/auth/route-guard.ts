import "server-only";
import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { isUnstorable } from "@/lib/http";
import { apiLocale } from "@/lib/i18n/api";
import { log, loggedPath, runWithRequestLog } from "@/lib/log";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/request-id";
import { can, type Permission } from "./permissions";
import { type CurrentUser, getCurrentUser } from "./session";

type Handler<C> = (request: Request, ctx: C, currentUser: () => Promise<CurrentUser | null>) => Promise<Response>;

/**
 * Every route handler is wrapped in this: it names its permission from the
 * table (or "public"). Strangers get 401 and the wrong role 403, in the caller's
 * language. Public handlers read the session only if they ask for it, so they
 * stay cheap and cacheable.
 */
/** A path or query that carries text no database can store (a NUL, a lone surrogate). */
async function unstorableInput(request: Request, ctx: unknown): Promise<boolean> {
  const url = new URL(request.url);
  const values = [...url.searchParams.keys(), ...url.searchParams.values()];
  try {
    values.push(decodeURIComponent(url.pathname));
  } catch {
    return true;
  }
  const params = (ctx as { params?: Promise<Record<string, string | string[]>> } | undefined)?.params;
  if (params) for (const v of Object.values(await params)) values.push(...(Array.isArray(v) ? v : [v]));
  return values.some((v) => typeof v === "string" && isUnstorable(v));
}

/** The answer with its request id; a response whose headers are fixed (a redirect, a fetched one) is copied. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

const HEALTH_PATH = "/api/health";

/**
 * A statically generated handler (the service worker's) gets Next's proxy of an empty
 * request, whose native getters (method, body…) throw on Node.js 22+, where Request keeps
 * its state in private fields. Such a request is always a GET.
 */
function methodOf(request: Request): string {
  try {
    return request.method;
  } catch {
    return "GET";
  }
}

const hasDigest = (error: unknown) =>
  typeof error === "object" && error !== null && typeof (error as { digest?: unknown }).digest === "string";

/**
 * Runs the handler as one request: its id (a well-formed incoming `x-request-id`, or a
 * new one) is on every log line written meanwhile (lib/log.ts) and on the answer, and
 * one access line says method, path (no query string), status and time taken.
 */
function logged<C>(inner: (request: Request, ctx: C) => Promise<Response>) {
  return (request: Request, ctx: C): Promise<Response> => {
    const requestId = requestIdOf(request.headers);
    return runWithRequestLog(requestId, async () => {
      const started = performance.now();
      const line = () => ({
        method: methodOf(request),
        path: loggedPath(request.url),
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
      let response: Response;
      try {
        response = await inner(request, ctx);
      } catch (error) {
        // Next's own control flow (redirect, notFound, dynamic usage at build) carries a digest.
        if (!hasDigest(error)) log().error({ ...line(), status: 500, err: error }, "request failed");
        throw error;
      }
      const access = { ...line(), status: response.status };
      // Load balancers ask for /api/health every few seconds: at debug, unless it failed.
      if (access.path === HEALTH_PATH && response.ok) log().debug(access, "request");
      else log().info(access, "request");
      return withRequestId(response, requestId);
    });
  };
}

export function withRoute<C>(permission: Permission | "public", handler: Handler<C>) {
  return logged(async (request: Request, ctx: C): Promise<Response> => {
    const refuse = (code: "bad_request" | "unauthorized" | "forbidden", key: string) =>
      apiErrorResponse(new ApiError(code, key), apiLocale(request));
    if (await unstorableInput(request, ctx)) return refuse("bad_request", "errors.badPath");
    if (permission !== "public") {
      const user = await getCurrentUser();
      if (!user) return refuse("unauthorized", "errors.signInRequired");
      if (!can(user.role, permission)) return refuse("forbidden", "errors.forbidden");
    }
    return handler(request, ctx, getCurrentUser);
  });
}
