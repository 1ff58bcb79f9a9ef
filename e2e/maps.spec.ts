import { expect, type Locator, type Page, test } from "@playwright/test";

// The maps of issue 23. The server under test has no internet, so its tiles never load and
// every map says so in its status line: that line must sit outside the map, not over it.

/** The map in `box` once it has loaded (maps load when they come near the screen). */
async function loadedMap(box: Locator): Promise<Locator> {
  await box.scrollIntoViewIfNeeded();
  const map = box.locator(".leaflet-container");
  await expect(map).toBeVisible();
  return map;
}

async function expectApart(page: Page, status: Locator, map: Locator) {
  await expect(status).toBeVisible({ timeout: 15_000 });
  const a = await status.boundingBox();
  const b = await map.boundingBox();
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  if (!a || !b) return;
  const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps, `status ${JSON.stringify(a)} over the map ${JSON.stringify(b)} on ${page.url()}`).toBe(false);
}

test.describe("the maps", () => {
  test("a route's map credits the tiles without Leaflet's prefix, and says below it that the tiles are missing", async ({
    page,
  }) => {
    await page.goto("/routes/picking-bayberries-dujia");
    const map = await loadedMap(page.locator("[data-map-loaded]"));
    const credit = map.locator(".leaflet-control-attribution");
    await expect(credit).toContainText(/OpenStreetMap|天地图|高德/);
    await expect(credit).not.toContainText("Leaflet");
    await expect(credit.locator("svg")).toHaveCount(0);

    const status = page.getByRole("status").filter({ hasText: "背景地图暂时无法加载" });
    await expectApart(page, status, map);
    // The markers stay where they can be tapped.
    await expect(map.locator(".leaflet-marker-icon").first()).toBeVisible();
  });

  test("the overview map's tiles status sits below the map, not over it", async ({ page }) => {
    await page.goto("/routes");
    const map = page.locator(".leaflet-container");
    await expect(map).toBeVisible();
    await expectApart(page, page.getByRole("status").filter({ hasText: "背景地图暂时无法加载" }), map);
  });

  test("a festival's venue map shows one pin named after the venue, not a numbered stop", async ({ page }) => {
    await page.goto("/festivals/bayberry-festival");
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "会场位置", level: 2 }) });
    const map = await loadedMap(section.locator("[data-map-loaded]"));
    const markers = map.locator(".leaflet-marker-icon");
    await expect(markers).toHaveCount(1);
    await expect(markers).toHaveAttribute("title", "杭州生态园（杜家村东侧）");
    await expect(markers).not.toHaveText("2");
    expect(((await markers.textContent()) ?? "").trim()).toBe("");
    await expect(map.locator(".leaflet-control-attribution")).not.toContainText("Leaflet");

    await markers.click();
    await expect(map.locator(".leaflet-popup-content")).toHaveText("杭州生态园（杜家村东侧）");
    await expectApart(page, section.getByRole("status"), map);
  });

  test("the English venue map names the venue in English", async ({ page }) => {
    await page.goto("/en/festivals/bayberry-festival");
    const map = await loadedMap(page.locator("[data-map-loaded]"));
    await expect(map.locator(".leaflet-marker-icon")).toHaveAttribute(
      "title",
      "Hangzhou Ecological Park (east of Dujia village)",
    );
  });
});
