import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

// Locale routing only; access checks live next to the data (pages, actions, handlers).
export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
