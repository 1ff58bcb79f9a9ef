import { defineRouting } from "next-intl/routing";

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-CN";

// Chinese lives at the bare paths (/routes); English under /en (/en/routes).
export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "as-needed",
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
