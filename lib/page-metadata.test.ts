import { existsSync } from "node:fs";
import path from "node:path";
import { fillMetadataSegment } from "next/dist/lib/metadata/get-metadata-route";
import { describe, expect, it } from "vitest";
import {
  languageAlternates,
  localePath,
  pageMetadata,
  pageUrl,
  SHARE_CARDS,
  shareCardName,
  shareCardPath,
} from "./page-metadata";

describe("localePath", () => {
  it("keeps Chinese at the bare path and puts English under /en, the home page included", () => {
    expect(localePath("/festivals/bayberry-festival", "zh-CN")).toBe("/festivals/bayberry-festival");
    expect(localePath("/festivals/bayberry-festival", "en")).toBe("/en/festivals/bayberry-festival");
    expect(localePath("/", "zh-CN")).toBe("/");
    expect(localePath("/", "en")).toBe("/en");
  });
});

describe("pageUrl", () => {
  it("is the page's absolute URL in its language", () => {
    expect(pageUrl("/festivals/x", "en", "https://suoqian.example")).toBe("https://suoqian.example/en/festivals/x");
    expect(pageUrl("/", "zh-CN", "https://suoqian.example")).toBe("https://suoqian.example/");
  });
});

describe("languageAlternates", () => {
  it("names the page itself as canonical, its own pair of language versions and x-default", () => {
    expect(languageAlternates("/shop/products/tea", "en")).toEqual({
      canonical: "/en/shop/products/tea",
      languages: { "zh-CN": "/shop/products/tea", en: "/en/shop/products/tea", "x-default": "/shop/products/tea" },
    });
    expect(languageAlternates("/festivals/cherry-festival", "zh-CN").canonical).toBe("/festivals/cherry-festival");
  });
});

describe("pageMetadata", () => {
  it("gives Open Graph the page's own URL, language and the other language", () => {
    const meta = pageMetadata({ locale: "en", path: "/routes", title: "Routes", description: "d", siteName: "S" });
    expect(meta.alternates?.canonical).toBe("/en/routes");
    expect(meta.openGraph).toMatchObject({
      url: "/en/routes",
      title: "Routes",
      description: "d",
      siteName: "S",
      locale: "en_GB",
      alternateLocale: "zh_CN",
    });
  });

  it("leaves openGraph.images out unless given, so a page's opengraph-image file still counts", () => {
    const plain = pageMetadata({ locale: "zh-CN", path: "/festivals/x", title: "节", siteName: "S" });
    expect(plain.openGraph && "images" in plain.openGraph).toBe(false);
    const photo = { url: "/media/abc/960.webp", width: 960, height: 720, alt: "茶" };
    const withPhoto = pageMetadata({
      locale: "zh-CN",
      path: "/shop/products/x",
      title: "茶",
      siteName: "S",
      images: [photo],
    });
    expect(withPhoto.openGraph?.images).toEqual([photo]);
  });

  it("names a page's share card at its final path, Chinese without /zh-CN, with the large Twitter card", () => {
    const zh = pageMetadata({
      locale: "zh-CN",
      path: "/festivals/bayberry-festival",
      title: "杨梅节",
      siteName: "S",
      shareCard: "festival",
    });
    const card = {
      url: "/festivals/bayberry-festival/opengraph-image-1npwlq",
      width: 1200,
      height: 630,
      type: "image/png",
      alt: "杨梅节",
    };
    expect(zh.openGraph?.images).toEqual([card]);
    expect(zh.twitter).toEqual({ card: "summary_large_image", images: [card] });
    const en = pageMetadata({
      locale: "en",
      path: "/routes/r",
      title: "Route",
      siteName: "S",
      shareCard: "route",
    });
    expect(en.openGraph?.images).toEqual([
      { url: "/en/routes/r/opengraph-image-1jklrb", width: 1200, height: 630, type: "image/png", alt: "Route" },
    ]);
    expect(en.twitter).toMatchObject({ card: "summary_large_image" });
  });

  it("prefers the images it is given (a product's photo) to the share card", () => {
    const photo = { url: "/media/abc/960.webp", alt: "茶" };
    const meta = pageMetadata({
      locale: "zh-CN",
      path: "/shop/products/x",
      title: "茶",
      siteName: "S",
      images: [photo],
      shareCard: "product",
    });
    expect(meta.openGraph?.images).toEqual([photo]);
    expect(meta.twitter).toEqual({ card: "summary_large_image", images: [photo] });
  });

  it("keeps a page's robots rule", () => {
    const meta = pageMetadata({
      locale: "zh-CN",
      path: "/checkout",
      title: "篮",
      siteName: "S",
      robots: { index: false },
    });
    expect(meta.robots).toEqual({ index: false });
  });
});

describe("shareCardPath", () => {
  it("is where Next serves each folder's opengraph-image, in the page's language", () => {
    for (const folder of Object.values(SHARE_CARDS)) {
      expect(existsSync(path.join("app", folder, "opengraph-image.tsx"))).toBe(true);
      const params = { locale: "en", slug: "x" };
      const served = fillMetadataSegment(folder, params, "opengraph-image", false);
      const page = folder.replace("/[locale]", "/en").replace("/(public)", "").replace("[slug]", "x");
      expect(`${page}/${shareCardName(folder)}`).toBe(served);
    }
    expect(shareCardPath("product", "/shop/products/tea", "zh-CN")).toBe("/shop/products/tea/opengraph-image-rqimqx");
    expect(shareCardPath("product", "/shop/products/tea", "en")).toBe("/en/shop/products/tea/opengraph-image-rqimqx");
  });

  it("has no suffix in a folder without a route group", () => {
    expect(shareCardName("/[locale]/festivals/[slug]")).toBe("opengraph-image");
  });
});
