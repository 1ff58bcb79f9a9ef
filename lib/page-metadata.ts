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

export type OgImage = { url: string; width?: number; height?: number; alt?: string; type?: string };

/**
 * The folders under app/ whose opengraph-image.tsx draws a page's share card (1200 × 630 PNG,
 * the same in both languages).
 */
export const SHARE_CARDS = {
  festival: "/[locale]/(public)/festivals/[slug]",
  route: "/[locale]/(public)/routes/[slug]",
  product: "/[locale]/(public)/shop/products/[slug]",
} as const;
export type ShareCard = keyof typeof SHARE_CARDS;

export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/** Next's 32-bit djb2 hash (next/dist/shared/lib/hash.js). */
function djb2(text: string): number {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) & 0xffffffff;
  return hash >>> 0;
}

/**
 * The last segment of the URL Next serves a folder's opengraph-image at: in a folder below a
 * route group "(…)" or a slot "@…", "opengraph-image-" and six characters of a hash of the
 * folder ("/[locale]/(public)/festivals/[slug]" → "opengraph-image-1npwlq"), as
 * next/dist/lib/metadata/get-metadata-route.js names it.
 */
export function shareCardName(folder: string): string {
  const special = folder.split("/").some((segment) => /^\(.+\)$/.test(segment) || segment.startsWith("@"));
  return special ? `opengraph-image-${djb2(folder).toString(36).slice(0, 6)}` : "opengraph-image";
}

/**
 * The path of a page's share card in a language ("/festivals/x/opengraph-image-1npwlq",
 * "/en/festivals/x/opengraph-image-1npwlq"). Next's own URL for the file keeps the locale
 * segment ("/zh-CN/festivals/x/…"), which the as-needed prefix answers with a redirect, so
 * pages name the card themselves.
 */
export function shareCardPath(card: ShareCard, path: string, locale: Locale): string {
  return `${localePath(path, locale)}/${shareCardName(SHARE_CARDS[card])}`;
}

export type PageMetadataInput = {
  locale: Locale;
  /** The page's path without a language prefix ("/festivals/bayberry-festival"). */
  path: string;
  /** `{ absolute }` for a page whose title is the site's own (the home page). */
  title: string | { absolute: string };
  description?: string;
  siteName: string;
  type?: "website" | "article";
  /** The share images (a product's photo); they come before `shareCard`. */
  images?: OgImage[];
  /**
   * The page's folder draws a share card (opengraph-image.tsx): named here at its final URL,
   * which also keeps Next from naming the file itself (it does so only when the page's
   * openGraph has no `images` key).
   */
  shareCard?: ShareCard;
  robots?: Metadata["robots"];
};

const titleText = (title: PageMetadataInput["title"]) => (typeof title === "string" ? title : title.absolute);

export function pageMetadata(input: PageMetadataInput): Metadata {
  const { locale, path, title, description, siteName, type = "website", shareCard, robots } = input;
  const alternates = languageAlternates(path, locale);
  const images =
    input.images ??
    (shareCard
      ? [{ url: shareCardPath(shareCard, path, locale), ...SHARE_CARD_SIZE, type: "image/png", alt: titleText(title) }]
      : undefined);
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
    // Said outright rather than left to Next's copying of openGraph's images into twitter.
    ...(images ? { twitter: { card: "summary_large_image", images } } : {}),
    ...(robots ? { robots } : {}),
  };
}
