import { expect, test } from "@playwright/test";

test.describe("a visitor finding their way", () => {
  test("gets Chinese by default, with the navigation to every part", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("山水宜居 · 数智所前");
    const nav = page.getByRole("navigation", { name: "主导航" }).first();
    for (const [name, path] of [
      ["线路", "/routes"],
      ["节庆", "/festivals"],
      ["共富工坊", "/shop"],
      ["行程", "/trips"],
    ] as const) {
      await expect(nav.getByRole("link", { name })).toHaveAttribute("href", path);
    }
    await nav.getByRole("link", { name: "节庆" }).click();
    await expect(page).toHaveURL(/\/festivals$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("节庆");
  });

  test("switches language and stays on the same page", async ({ page }) => {
    await page.goto("/shop?category=tea");
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/shop\?category=tea$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Workshops");
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/shop\?category=tea$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("共富工坊");
  });

  test("works on a phone, with the tab bar", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto("/");
    const tabs = page.getByRole("navigation", { name: "主导航" }).last();
    await expect(tabs).toBeVisible();
    await tabs.getByRole("link", { name: "线路" }).click();
    await expect(page).toHaveURL(/\/routes$/);
    await context.close();
  });

  test("fetches no other page until a link shows the intent to open it", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("_rsc=")) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto("/");
    // Interactive once the header knows who is signed in; a prefetch would start then.
    await expect(page.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeVisible();
    await page.waitForTimeout(1500);
    expect(fetched).toEqual([]);

    const routes = page.getByRole("navigation", { name: "主导航" }).first().getByRole("link", { name: "线路" });
    const prefetch = page.waitForRequest((request) => request.url().includes("/routes?_rsc="));
    await routes.hover();
    await prefetch;
    expect(new Set(fetched)).toEqual(new Set(["/routes"]));
    await routes.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("线路");
  });

  test("answers an unknown page with a localised 404", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  });
});

test.describe("GET /api/health", () => {
  test("says the app and its database are up", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
  });
});
