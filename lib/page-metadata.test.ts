import { describe, expect, it } from "vitest";
import { languageAlternates, localePath, pageMetadata, pageUrl } from "./page-metadata";

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
