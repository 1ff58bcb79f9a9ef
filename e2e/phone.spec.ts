import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Route, test } from "@playwright/test";
import { COMPILE_HINT } from "../scripts/lib/compile-hints";

// What a visitor's phone shows (390 × 844, touch), and what a page gives the sites and
// apps that link to it: JSON-LD, canonical and hreflang links.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const ROUTE = "picking-bayberries-dujia";
const PRODUCT = "dujia-zaose-bayberries";
const WORKSHOP = "dujia-bayberry";

const PUBLIC_PAGES = [
  "/",
  "/en",
  "/routes",
  `/routes/${ROUTE}`,
  "/festivals",
  "/festivals/bayberry-festival",
  "/en/festivals/cherry-festival",
  "/shop",
  "/en/shop",
  `/shop/products/${PRODUCT}`,
  `/shop/workshops/${WORKSHOP}`,
  "/trips",
  "/en/trips",
  "/calendar",
  "/en/routes",
  "/privacy",
  "/en/privacy",
  "/offline",
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  "/checkout",
];

/** Open a page and wait until the header has asked who is signed in (the page is then interactive). */
async function open(page: Page, path: string) {
  await page.goto(path);
  const signIn = path === "/en" || path.startsWith("/en/") ? "Sign in" : "登录";
  await expect(page.getByRole("banner").getByRole("link", { name: signIn, exact: true })).toBeVisible();
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
}

type Offer = { "@type": string; price: string; priceCurrency: string; availability: string; url: string };

test.describe("every public page on a phone", () => {
  for (const path of PUBLIC_PAGES) {
    test(`${path} has no serious accessibility violation and is no wider than the screen`, async ({ page }) => {
      await open(page, path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
      expect(severe).toEqual([]);

      const width = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(width.viewport).toBe(390);
      expect(width.page).toBeLessThanOrEqual(width.viewport);
    });
  }
});

test.describe("the header and the tab bar on a phone", () => {
  const cases = [
    { path: "/", tab: "线路", lands: /\/routes$/ },
    { path: "/festivals/bayberry-festival", tab: "共富工坊", lands: /\/shop$/ },
    { path: "/shop", tab: "节庆", lands: /\/festivals$/ },
  ];
  for (const { path, tab, lands } of cases) {
    test(`on ${path} 登录 and the basket in the header and ${tab} in the bottom bar can be tapped`, async ({
      page,
    }) => {
      await open(page, path);
      const tabs = page.getByRole("navigation", { name: "主导航" });
      const bar = await tabs.boundingBox();
      expect(bar && Math.round(bar.y + bar.height)).toBe(844);

      await page.getByRole("banner").getByRole("link", { name: "登录", exact: true }).tap();
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");

      await open(page, path);
      await page.getByRole("banner").getByTestId("basket-link").tap();
      await expect(page).toHaveURL(/\/checkout$/);

      await open(page, path);
      await tabs.getByRole("link", { name: tab }).tap();
      await expect(page).toHaveURL(lands);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(tab);
    });
  }
});

test.describe("what a shared page tells other sites", () => {
  test("a festival page's JSON-LD is an Event with one offer per ticket type, priced, its image and organiser", async ({
    page,
    request,
  }) => {
    const { festivals } = (await (await request.get("/api/festivals")).json()) as {
      festivals: {
        slug: string;
        salesStartAt: string;
        ticketTypes: { priceCents: number; currency: string }[];
        sessions: unknown[];
      }[];
    };
    const festival = festivals.find((f) => f.slug === "bayberry-festival");
    expect(festival).toBeDefined();
    await page.goto("/festivals/bayberry-festival");
    const event = (await jsonLd(page)).find((d) => d["@type"] === "Event") as
      | {
          name: string;
          startDate: string;
          image: string[];
          organizer: { "@type": string; name: string; url: string };
          location: { "@type": string };
          offers: (Offer & { validFrom?: string })[];
        }
      | undefined;
    expect(event?.name).toMatch(/杨梅节/);
    expect(event?.location["@type"]).toBe("Place");
    expect(event?.image.map((url) => new URL(url).pathname)).toEqual([
      expect.stringMatching(/^\/festivals\/bayberry-festival\/opengraph-image(-\w+)?$/),
    ]);
    expect(event?.organizer).toMatchObject({ "@type": "Organization", name: "所前游" });
    expect(new URL(event?.organizer.url ?? "x:").pathname).toBe("/");
    const offers = event?.offers ?? [];
    expect(offers).toHaveLength(festival?.ticketTypes.length ?? -1);
    const prices = new Set(festival?.ticketTypes.map((t) => (t.priceCents / 100).toFixed(2)));
    for (const offer of offers) {
      expect(offer["@type"]).toBe("Offer");
      expect(prices).toContain(offer.price);
      expect(offer.priceCurrency).toBe("CNY");
      expect(offer.availability).toMatch(/^https:\/\/schema\.org\/(InStock|SoldOut)$/);
      expect(offer.validFrom).toBe(festival?.salesStartAt);
      expect(new URL(offer.url).pathname).toBe("/festivals/bayberry-festival");
    }
  });

  test("a product page's JSON-LD is a Product whose offer carries its price, currency and availability", async ({
    page,
    request,
  }) => {
    const { products } = (await (await request.get("/api/products")).json()) as {
      products: { slug: string; priceCents: number; currency: string }[];
    };
    const product = products.find((p) => p.slug === PRODUCT);
    expect(product).toBeDefined();
    await page.goto(`/en/shop/products/${PRODUCT}`);
    const data = (await jsonLd(page)).find((d) => d["@type"] === "Product") as
      | { name: string; image: string[]; offers: Offer }
      | undefined;
    expect(data?.name).toMatch(/bayberries/);
    // No photo in the seed: the page's drawn share card.
    expect(data?.image.map((url) => new URL(url).pathname)).toEqual([
      expect.stringMatching(new RegExp(`^/en/shop/products/${PRODUCT}/opengraph-image(-\\w+)?$`)),
    ]);
    expect(data?.offers.price).toBe(((product?.priceCents ?? 0) / 100).toFixed(2));
    expect(data?.offers.priceCurrency).toBe(product?.currency);
    expect(data?.offers.availability).toMatch(/^https:\/\/schema\.org\/(InStock|PreOrder|OutOfStock|MadeToOrder)$/);
    expect(new URL(data?.offers.url ?? "http://x").pathname).toBe(`/en/shop/products/${PRODUCT}`);
  });

  test("a festival page names its own language versions, x-default, and itself as canonical", async ({ page }) => {
    const href = async (selector: string) =>
      new URL((await page.locator(selector).getAttribute("href")) ?? "http://x/").pathname;
    await page.goto("/festivals/bayberry-festival");
    expect(await href('link[rel="alternate"][hreflang="en"]')).toBe("/en/festivals/bayberry-festival");
    expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toBe("/festivals/bayberry-festival");
    expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe("/festivals/bayberry-festival");
    expect(await href('link[rel="canonical"]')).toBe("/festivals/bayberry-festival");
    const ogUrl = await page.locator('meta[property="og:url"]').getAttribute("content");
    expect(new URL(ogUrl ?? "http://x/").pathname).toBe("/festivals/bayberry-festival");
    await expect(page.locator('meta[property="og:image"]')).toHaveCount(1);

    await page.goto("/en/festivals/cherry-festival");
    expect(await href('link[rel="canonical"]')).toBe("/en/festivals/cherry-festival");
    expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toBe("/festivals/cherry-festival");
    expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe("/festivals/cherry-festival");
  });

  test("the sitemap lists the festivals and the products in both languages", async ({ request }) => {
    const xml = await (await request.get("/sitemap.xml")).text();
    for (const path of ["/festivals/bayberry-festival", "/en/festivals/cherry-festival", `/shop/products/${PRODUCT}`]) {
      expect(xml).toMatch(new RegExp(`<loc>https?://[^/<]+${path}</loc>`));
    }
    expect(xml).toMatch(/hreflang="en"\s+href="[^"]*\/en\/festivals\/cherry-festival"/);
    expect(xml).toMatch(/hreflang="x-default"\s+href="[^"]*\/festivals\/cherry-festival"/);
  });
});

test.describe("a map below the fold", () => {
  test("loads Leaflet only once the festival's venue map is scrolled to", async ({ page }) => {
    const leaflet: string[] = [];
    page.on("response", async (response) => {
      if (!response.url().endsWith(".js")) return;
      const body = await response.text().catch(() => "");
      if (body.includes("leaflet-container")) leaflet.push(response.url());
    });
    await open(page, "/festivals/bayberry-festival");
    const venue = page.locator("[data-map-loaded]");
    await page.waitForTimeout(1000);
    await expect(venue).toHaveAttribute("data-map-loaded", "false");
    expect(leaflet).toEqual([]);

    await venue.scrollIntoViewIfNeeded();
    await expect(venue).toHaveAttribute("data-map-loaded", "true");
    await expect(venue.locator(".leaflet-container")).toBeVisible();
    expect(leaflet.length).toBeGreaterThan(0);
  });
});

test.describe("the framework's startup scripts", () => {
  test("carry V8's compile hint, so a phone compiles them while they download; the page's own scripts do not", async ({
    page,
    request,
  }) => {
    const { rootMainFiles } = JSON.parse(
      readFileSync(path.join(process.env.E2E_APP_DIR ?? ".", ".next/build-manifest.json"), "utf8"),
    ) as {
      rootMainFiles: string[];
    };
    const startup = rootMainFiles.filter((f) => f.endsWith(".js")).map((f) => `/_next/${f}`);
    expect(startup.length).toBeGreaterThan(0);
    const scripts: string[] = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js")) scripts.push(url.pathname);
    });
    await open(page, `/shop/products/${PRODUCT}`);
    for (const path of startup) {
      expect(scripts, path).toContain(path);
      expect((await (await request.get(path)).text()).startsWith(COMPILE_HINT), path).toBe(true);
    }
    const own = scripts.filter((path) => !startup.includes(path));
    expect(own.length).toBeGreaterThan(0);
    for (const path of own) {
      expect((await (await request.get(path)).text()).includes(COMPILE_HINT.trim()), path).toBe(false);
    }
    // Still a working page: the purchase form answers.
    await expect(page.getByRole("button", { name: /加入购物篮|Add to basket/ }).first()).toBeVisible();
  });
});

/**
 * Holds the answers of `url` until `release()`: what a phone on a slow line sees meanwhile.
 * `asked` settles once the page has asked (its form has hydrated and run its effects). The
 * held request then goes to the server, or gets `answer`'s reply when one is given.
 */
async function holdAnswers(page: Page, url: string, answer?: (route: Route) => Promise<void>) {
  let release = () => {};
  let ask = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked = new Promise<void>((resolve) => {
    ask = resolve;
  });
  await page.route(url, async (route) => {
    ask();
    await released;
    await (answer ? answer(route) : route.continue());
  });
  return { asked, release };
}

/** Records, from now on, every change to these attributes of the elements under `selector`. */
async function watchAttributes(page: Page, selector: string, attributes: string[]) {
  await page.evaluate(
    ({ selector, attributes }) => {
      const changes: string[] = [];
      (window as unknown as { attributeChanges: string[] }).attributeChanges = changes;
      new MutationObserver((records) => {
        for (const r of records) changes.push(`${(r.target as Element).tagName} ${r.attributeName}`);
      }).observe(document.querySelector(selector) as Element, {
        subtree: true,
        attributes: true,
        attributeFilter: attributes,
      });
    },
    { selector, attributes },
  );
  return () => page.evaluate(() => (window as unknown as { attributeChanges: string[] }).attributeChanges);
}

// Each element restyled as the page becomes usable is work in one long task on a phone, and a
// flash of "none left" before the truth: live seats and stock restyle nothing that was right.
test.describe("live seats and stock arriving", () => {
  test("the festival's seats arrive without restyling a day or a session; a session tapped before they arrive opens once they do", async ({
    page,
  }) => {
    const { asked, release } = await holdAnswers(page, "**/api/festivals/bayberry-festival/availability");
    await open(page, "/festivals/bayberry-festival");
    await asked;
    const first = page.locator("li[data-session]").first();
    await expect(first.getByTestId("session-status")).toHaveText("正在查询余票…");
    // Not known yet is not "none left": no day is dashed, no session faded.
    await expect(page.locator("fieldset button.border-dashed")).toHaveCount(0);
    await expect(page.locator("li[data-session] label.opacity-60")).toHaveCount(0);
    const changes = await watchAttributes(page, '[data-testid="session-list"]', ["class", "disabled", "aria-pressed"]);

    await first.locator("label").click();
    await expect.poll(changes).toEqual(["LABEL class"]); // only the tapped session, ringed
    await expect(first.locator("input[type=radio]")).toBeChecked();
    release();
    await expect(first.getByTestId("session-status")).toHaveText(/^余 \d+$/);
    const picker = page.getByRole("region", { name: "选择票种与数量" });
    await expect(picker).toBeVisible();
    await expect(first.locator("input[type=radio]")).toBeChecked();
    // The seats restyled no day chip, no session and no radio: only the picker appeared.
    expect(await changes()).toEqual(["LABEL class"]);
  });

  test("a sold-out session and one with few seats left look different from one with plenty, and each is legible", async ({
    page,
    request,
  }) => {
    const { festivals } = (await (await request.get("/api/festivals")).json()) as {
      festivals: { slug: string; sessions: { id: string }[] }[];
    };
    const [soldOut, few, plenty] = festivals.find((f) => f.slug === "bayberry-festival")?.sessions ?? [];
    if (!soldOut || !few || !plenty) throw new Error("the seed's first bayberry day has fewer than three sessions");
    await page.route("**/api/festivals/bayberry-festival/availability", async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { sessions: { id: string; remaining: number }[] };
      const set: Record<string, number> = { [soldOut.id]: 0, [few.id]: 3 };
      body.sessions = body.sessions.map((s) => ({ ...s, remaining: set[s.id] ?? s.remaining }));
      await route.fulfill({ response, json: body });
    });
    await open(page, "/festivals/bayberry-festival");
    const status = (id: string) => page.locator(`li[data-session="${id}"]`).getByTestId("session-status");
    await expect(status(soldOut.id)).toHaveText("已售罄");
    await expect(status(few.id)).toHaveText("余 3");
    await expect(status(plenty.id)).toHaveText(/^余 \d+$/);
    const colour = (id: string) => status(id).evaluate((el) => getComputedStyle(el).color);
    expect(new Set([await colour(soldOut.id), await colour(few.id), await colour(plenty.id)]).size).toBe(3);
    const { violations } = await new AxeBuilder({ page })
      .include('[data-testid="session-list"]')
      .withRules(["color-contrast"])
      .analyze();
    expect(violations).toEqual([]);
  });

  test("the stock arrives without re-enabling the form; a tap on 加入购物篮 before it arrives is carried out once it has", async ({
    page,
  }) => {
    const { asked, release } = await holdAnswers(page, "**/api/products/stock?*");
    await open(page, `/shop/products/${PRODUCT}`);
    await asked;
    const form = page.getByRole("region", { name: "加入购物篮" });
    await expect(form.getByText("正在查询库存…")).toBeVisible();
    const changes = await watchAttributes(page, 'section[aria-label="加入购物篮"]', ["class", "disabled"]);

    await form.getByRole("button", { name: "加入购物篮" }).click();
    // Nothing goes into the basket before the stock says it may.
    await page.waitForTimeout(300);
    await expect(page.getByTestId("basket-link")).toHaveAccessibleName("购物篮");
    release();
    await expect(form.getByText("正在查询库存…")).toHaveCount(0);
    await expect(form.getByText("已加入购物篮。")).toBeVisible();
    await expect(page.getByTestId("basket-link")).toHaveAccessibleName("购物篮 1 件");
    expect(await changes()).toEqual([]);
    // The link's name holds the count it shows (axe's label-content-name-mismatch, off by default).
    const { violations } = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
    expect(violations).toEqual([]);
  });

  test("a tap on 立即购买 before the count arrives adds nothing, and stays on the page, when the count says none are left", async ({
    page,
  }) => {
    const { asked, release } = await holdAnswers(page, "**/api/products/stock?*", async (route) => {
      const ids = new URL(route.request().url()).searchParams.get("ids")?.split(",") ?? [];
      await route.fulfill({ json: { stock: Object.fromEntries(ids.map((id) => [id, 0])) } });
    });
    await open(page, `/shop/products/${PRODUCT}`);
    await asked;
    const form = page.getByRole("region", { name: "加入购物篮" });
    await expect(form.getByText("正在查询库存…")).toBeVisible();
    await form.getByRole("button", { name: "立即购买" }).click();
    release();
    await expect(form.getByTestId("product-status")).toContainText("已售罄");
    await expect(form.getByRole("button", { name: "立即购买" })).toBeDisabled();
    await expect(page.getByTestId("basket-link")).toHaveAccessibleName("购物篮");
    await expect(page).toHaveURL(new RegExp(`/shop/products/${PRODUCT}$`));
  });
});
