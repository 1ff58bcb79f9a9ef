import { defineRouting } from "next-intl/routing";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

// Chinese lives at the bare paths (/routes); English under /en (/en/routes).
// Pages name their language versions in their own <head> (hreflang) and in the
// sitemap; next-intl's Link header would repeat any path, however long, three times.
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "as-needed",
  alternateLinks: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
