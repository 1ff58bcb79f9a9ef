// The site's navigation: next-intl's, with a Link that prefetches on intent.
export { Link } from "./intent-link";
export { getPathname, redirect, usePathname, useRouter } from "./navigation-base";
