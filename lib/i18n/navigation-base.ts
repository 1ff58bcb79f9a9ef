import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// next-intl's navigation for this site's locales. Import from ./navigation: its Link
// prefetches on intent (lib/i18n/intent-link.tsx).
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
