import "server-only";
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
export function withRoute<C>(permission: Permission | "public", handler: Handler<C>) {
  return async (request: Request, ctx: C): Promise<Response> => {
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
