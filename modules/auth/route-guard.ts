import "server-only";
import { isUnstorable } from "@/lib/http";
import { apiLocale, apiTranslator } from "@/lib/i18n/api";
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

export function withRoute<C>(permission: Permission | "public", handler: Handler<C>) {
  return async (request: Request, ctx: C): Promise<Response> => {
    if (await unstorableInput(request, ctx)) {
      const t = apiTranslator(apiLocale(request));
      return Response.json({ error: "bad_request", message: t("errors.badPath") }, { status: 400 });
    }
    if (permission !== "public") {
      const user = await getCurrentUser();
      const t = apiTranslator(apiLocale(request));
      if (!user) return Response.json({ error: "unauthorized", message: t("errors.signInRequired") }, { status: 401 });
      if (!can(user.role, permission)) {
        return Response.json({ error: "forbidden", message: t("errors.forbidden") }, { status: 403 });
      }
    }
    return handler(request, ctx, getCurrentUser);
  };
}
