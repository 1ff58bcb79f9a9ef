import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { defaultLocale, isLocale, type Locale } from "./routing";

const CATALOGUES = { "zh-CN": zh, en } as const;

/**
 * The language of an API caller: ?lang=, then the site's locale cookie, then
 * Accept-Language; Chinese when nothing says otherwise.
 */
export function apiLocale(request: Request): Locale {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  if (lang === "en") return "en";
  if (lang === "zh" || lang === "zh-CN") return "zh-CN";
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  if (isLocale(cookie)) return cookie;
  const accept = request.headers.get("accept-language") ?? "";
  const ranked = accept
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** Messages for code that runs outside a page (route handlers). */
export function apiTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale] });
}

/** Translates catalogue keys (from zod issues or UserErrors) for an API answer; unknown keys read "invalid". */
export function apiMessage(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const t = apiTranslator(locale) as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has: (key: string) => boolean;
  };
  return t.has(key) ? t(key, values) : t("validation.invalid");
}
