import { expect, test } from "@playwright/test";

// What a chat app or a search engine fetches when a page is shared: the image its
// og:image and twitter:image name must answer at once (no redirect, which some apps do
// not follow), in both languages; and the festival page stays light on a phone.

const ROUTE = "picking-bayberries-dujia";
const PRODUCT = "dujia-zaose-bayberries";

const SHARED_PAGES = [
  "/festivals/bayberry-festival",
  "/en/festivals/bayberry-festival",
  `/routes/${ROUTE}`,
  `/en/routes/${ROUTE}`,
  `/shop/products/${PRODUCT}`,
  `/en/shop/products/${PRODUCT}`,
];

test.describe("the image a shared page names", () => {
  test("the route and the product are published (the seed's, with no photo)", async ({ request }) => {
    const { routes } = (await (await request.get("/api/routes")).json()) as { routes: { slug: string }[] };
    expect(routes.map((r) => r.slug)).toContain(ROUTE);
    const { products } = (await (await request.get("/api/products")).json()) as { products: { slug: string }[] };
    expect(products.map((p) => p.slug)).toContain(PRODUCT);
  });

  for (const path of SHARED_PAGES) {
    test(`${path}: og:image and twitter:image answer 200 with a PNG, without a redirect`, async ({ page, request }) => {
      await page.goto(path);
      const og = page.locator('meta[property="og:image"]');
      const twitter = page.locator('meta[name="twitter:image"]');
      await expect(og).toHaveCount(1);
      await expect(twitter).toHaveCount(1);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
      const ogUrl = new URL((await og.getAttribute("content")) ?? "x:");
      const twitterUrl = new URL((await twitter.getAttribute("content")) ?? "x:");
      expect(twitterUrl.href).toBe(ogUrl.href);
      // Under the page's own path: Chinese at the bare path (no /zh-CN), English under /en.
      expect(ogUrl.pathname).toMatch(new RegExp(`^${path}/opengraph-image(-\\w+)?$`));

      const image = await request.get(`${ogUrl.pathname}${ogUrl.search}`, { maxRedirects: 0 });
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toMatch(/^image\/png\b/);
      // The same for a crawler that prefers the other language (no language redirect for an image).
      const other = await request.get(`${ogUrl.pathname}${ogUrl.search}`, {
        maxRedirects: 0,
        headers: { "accept-language": path.startsWith("/en/") ? "zh-CN" : "en", cookie: "NEXT_LOCALE=en" },
      });
      expect(other.status()).toBe(200);
      expect(other.headers()["content-type"]).toMatch(/^image\/png\b/);
    });
  }
});

test.describe("the festival page's weight", () => {
  test("its HTML is under 60 kB, with one offer per ticket type in its JSON-LD", async ({ request }) => {
    const { festivals } = (await (await request.get("/api/festivals")).json()) as {
      festivals: { slug: string; ticketTypes: unknown[] }[];
    };
    const festival = festivals.find((f) => f.slug === "bayberry-festival");
    expect(festival).toBeDefined();
    const response = await request.get("/festivals/bayberry-festival");
    expect(response.status()).toBe(200);
    const body = await response.body();
    expect(body.length).toBeLessThan(60_000);
    const html = body.toString("utf8");
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
    const event = JSON.parse(script) as { "@type"?: string; offers?: unknown[] };
    expect(event["@type"]).toBe("Event");
    expect(event.offers).toHaveLength(festival?.ticketTypes.length ?? -1);
  });
});
