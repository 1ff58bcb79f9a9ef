import type { Metadata } from "next";
import type { Locale } from "./i18n/routing";

// What a public page tells search engines and the apps it is shared to: its own
// canonical URL, its two language versions plus x-default, and Open Graph. A layout
// cannot know the page's path, so each page calls pageMetadata with its own.
// URLs stay relative: the layout's metadataBase (env.siteUrl) makes them absolute.

export const OG_LOCALES: Record<Locale, string> = { "zh-CN": "zh_CN", en: "en_GB" };

/** A page's path in a language: Chinese at the bare path, English under /en ("/" → "/", "/en"). */
export function localePath(path: string, locale: Locale): string {
  const bare = path === "/" ? "" : path;
  return locale === "en" ? `/en${bare}` : bare || "/";
}

/** A page's absolute URL (for JSON-LD, which metadataBase does not reach); the origin has no trailing slash. */
export function pageUrl(path: string, locale: Locale, origin: string): string {
  return `${origin}${localePath(path, locale)}`;
}

/** The canonical URL and language versions; x-default is the bare path, which picks a language for the visitor. */
export function languageAlternates(path: string, locale: Locale) {
  return {
    canonical: localePath(path, locale),
    languages: {
      "zh-CN": localePath(path, "zh-CN"),
      en: localePath(path, "en"),
      "x-default": localePath(path, "zh-CN"),
    },
  };
}

export type OgImage = { url: string; width?: number; height?: number; alt?: string };

export type PageMetadataInput = {
  locale: Locale;
  /** The page's path without a language prefix ("/festivals/bayberry-festival"). */
  path: string;
  /** `{ absolute }` for a page whose title is the site's own (the home page). */
  title: string | { absolute: string };
  description?: string;
  siteName: string;
  type?: "website" | "article";
  /**
   * Leave out to keep an `opengraph-image` file of the page's folder: Next uses it only
   * when the page's openGraph has no `images` key at all.
   */
  images?: OgImage[];
  robots?: Metadata["robots"];
};

export function pageMetadata(input: PageMetadataInput): Metadata {
  const { locale, path, title, description, siteName, type = "website", images, robots } = input;
  const alternates = languageAlternates(path, locale);
  return {
    title,
    ...(description ? { description } : {}),
    alternates,
    openGraph: {
      type,
      url: alternates.canonical,
      title,
      ...(description ? { description } : {}),
      siteName,
      locale: OG_LOCALES[locale],
      alternateLocale: OG_LOCALES[locale === "en" ? "zh-CN" : "en"],
      ...(images ? { images } : {}),
    },
    ...(robots ? { robots } : {}),
  };
}
