import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test.describe("a visitor choosing a route", () => {
  test("filters by category and month, and the filtered view can be shared", async ({ page }) => {
    await page.goto("/routes");
    const count = page.getByTestId("route-count");
    await expect(count).toContainText("条线路");
    const all = await page.locator("article[data-route]").count();
    expect(all).toBeGreaterThanOrEqual(9);

    await page.getByRole("button", { name: "采摘游" }).click();
    await expect(page).toHaveURL(/\/routes\?category=picking$/);
    const picking = page.locator("article[data-route]");
    await expect(picking.first()).toBeVisible();
    const pickingCount = await picking.count();
    expect(pickingCount).toBeGreaterThanOrEqual(3);
    expect(pickingCount).toBeLessThan(all);
    for (const badge of await picking.locator("span", { hasText: /游$/ }).allTextContents()) {
      expect(badge).toBe("采摘游");
    }

    await page.getByLabel("月份").selectOption("6");
    await expect(page).toHaveURL(/category=picking&month=6/);
    const june = await page.locator("article[data-route]").count();
    expect(june).toBeGreaterThan(0);
    expect(june).toBeLessThan(pickingCount);
    await expect(page.locator("article[data-route]").first()).toContainText(/杨梅|杜家/);

    const shared = await page.context().newPage();
    await shared.goto(page.url());
    await expect(shared.locator("article[data-route]")).toHaveCount(june);
    await expect(shared.getByRole("button", { name: "采摘游" })).toHaveAttribute("aria-pressed", "true");
  });

  test("shows the routes on the map even without background tiles", async ({ page }) => {
    await page.goto("/routes");
    await expect(page.locator(".leaflet-container")).toBeVisible();
    await expect(page.locator("path.leaflet-interactive").first()).toBeVisible();
    await expect(page.getByRole("status")).toContainText("背景地图暂时无法加载");
  });

  test("opens a route, taps a marker to see its stop, and downloads GPX", async ({ page }) => {
    await page.goto("/routes?category=red");
    // The filtered list replaces the full server-rendered list once the page is interactive.
    await expect(page.getByRole("button", { name: "红色游" })).toHaveAttribute("aria-pressed", "true");
    const first = page.locator("article[data-route]").first();
    const title = (await first.getByRole("heading").textContent()) ?? "";
    await first.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("route-distance")).toContainText("公里");
    const stops = page.locator("ol > li[id^=stop-]");
    expect(await stops.count()).toBeGreaterThanOrEqual(2);

    const secondName = (await stops.nth(1).locator("span.font-medium").textContent()) ?? "";
    // The map loads when it comes near the screen.
    await stops.first().scrollIntoViewIfNeeded();
    await page.getByTitle(`2. ${secondName}`).click();
    await expect(page.locator(".leaflet-popup-content")).toContainText(secondName);
    await expect(stops.nth(1)).toHaveAttribute("data-active", "true");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /GPX/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^suoqian-.+\.gpx$/);
    const gpx = readFileSync((await file.path()) ?? "", "utf8");
    expect(gpx).toContain('<gpx version="1.1"');
    expect(gpx).toContain(`<name>2. ${secondName}</name>`);
  });

  test("keyboard and screen-reader users get every stop from the list", async ({ page }) => {
    await page.goto("/routes");
    await expect(page.getByTestId("route-count")).toBeVisible();
    await page.locator("article[data-route] a").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("ol > li[id^=stop-] button").first()).toBeVisible();
  });
});

test.describe("the public routes API", () => {
  test("lists published routes and rejects an unknown category", async ({ request }) => {
    const list = await request.get("/api/routes?category=study");
    expect(list.status()).toBe(200);
    const { routes } = await list.json();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    expect(routes.every((r: { category: string }) => r.category === "study")).toBe(true);
    const bad = await request.get("/api/routes?category=hiking", { headers: { "accept-language": "en" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain("Use red, study or picking");
    expect((await request.get("/api/routes/no-such-route")).status()).toBe(404);
  });
});
