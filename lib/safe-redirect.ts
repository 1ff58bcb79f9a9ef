import { defaultLocale, type Locale, locales } from "./i18n/routing";

// Where a browser may be sent after signing in: only a path of this site. The
// value is parsed as a browser would (new URL against the site's origin), so
// tricks like "/\t/evil.example" (the parser drops the tab and sees
// "//evil.example") or "/\\evil.example" land on another origin and are refused;
// control characters and backslashes are refused outright, and so is a path that
// resolves to one starting with "//" (dot segments: "/..//evil.example").

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

export function safeCallbackPath(value: string | null | undefined, siteOrigin: string): string | null {
  if (!value?.startsWith("/") || UNSAFE.test(value)) return null;
  let site: URL;
  let target: URL;
  try {
    site = new URL(siteOrigin);
    target = new URL(value, site);
  } catch {
    return null;
  }
  if (target.origin !== site.origin) return null;
  // Dot segments resolve away ("/..//evil.example" → "//evil.example"): a path that then starts
  // with two slashes is another host to a browser, whatever its origin was here.
  if (/^\/[/\\]/.test(target.pathname)) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}

/** The path's locale prefix ("/en/account" → "en"), or null for a bare (Chinese) path. */
function prefixedLocale(path: string): Locale | null {
  const first = path.split(/[/?#]/)[1] ?? "";
  return (locales as readonly string[]).includes(first) ? (first as Locale) : null;
}

/**
 * The path to open after signing in on a page in `locale`: a path that names its
 * locale keeps it ("/en/account" stays, never "/en/en/account"); a bare one gets
 * the current locale's prefix.
 */
export function localisedPath(path: string, locale: Locale): string {
  if (prefixedLocale(path) !== null || locale === defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
