import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { storageStateFor } from "./support";

test.describe("the town's route editor", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an admin creates a route with three stops and publishes it; visitors find it at once", async ({
    page,
    browser,
  }) => {
    const slug = `e2e-route-${Date.now()}`;
    await page.goto("/admin/routes/new");
    await page.getByLabel("网址名").fill(slug);
    await page.getByLabel("类别").selectOption("study");
    await page.getByLabel("标题（中文）").fill("端到端测试线路");
    await page.getByLabel("标题（英文）").fill("End-to-end test route");
    await page.getByLabel("一句话简介（中文）").fill("从杜家村到生态园，再到新地点。");
    await page.getByLabel("一句话简介（英文）").fill("From Dujia to the park, then a new place.");
    await page.getByRole("checkbox", { name: "6月" }).check();

    // A cover photo: a text file posing as a PNG is refused, a real photo is stored.
    await page
      .getByLabel("上传封面照片")
      .setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not a photo") });
    await expect(page.getByText("这不是可用的图片")).toBeVisible();
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#b91c1c" } })
      .png()
      .toBuffer();
    await page.getByLabel("上传封面照片").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
    await expect(page.getByTestId("cover-preview")).toBeVisible();

    // Too few stops: refused with a field message, nothing saved.
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("一条线路至少需要 2 个站点。")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/routes\/new$/);

    for (const name of ["杜家村", "杭州生态园"]) {
      const option = page.locator("#add-place option", { hasText: name }).first();
      await page.locator("#add-place").selectOption((await option.getAttribute("value")) ?? "");
      await page.getByRole("button", { name: "添加站点" }).click();
    }
    await page.getByRole("button", { name: "在地图上新增地点" }).click();
    const map = page.getByTestId("editor-map");
    await expect(map.locator(".leaflet-container")).toBeVisible();
    const box = await map.boundingBox();
    await map.click({ position: { x: (box?.width ?? 400) / 2, y: (box?.height ?? 300) / 2 } });
    const form = page.getByTestId("new-place");
    await form.getByLabel("地点名称（中文）").fill("测试观景台");
    await form.getByLabel("地点名称（英文）").fill("Test lookout");
    await form.getByRole("button", { name: "添加为站点" }).click();

    const stops = page.getByTestId("editor-stop");
    await expect(stops).toHaveCount(3);
    await page.getByRole("button", { name: "把 测试观景台 上移" }).click();
    await expect(stops.nth(1)).toContainText("测试观景台");

    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(/\/admin\/routes\/c[a-z0-9]+$/);
    await page.getByRole("button", { name: "发布" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();

    const visitor = await browser.newContext({ locale: "zh-CN", storageState: { cookies: [], origins: [] } });
    const v = await visitor.newPage();
    await v.goto("/routes?category=study");
    await expect(v.locator(`article[data-route="${slug}"]`)).toBeVisible();
    await v.locator(`article[data-route="${slug}"] a`).click();
    await expect(v.getByRole("heading", { level: 1 })).toHaveText("端到端测试线路");
    const cover = await v.getByTestId("route-cover").getAttribute("src");
    const image = await v.request.get(cover ?? "");
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/webp");
    await expect(v.locator("ol > li[id^=stop-]")).toHaveCount(3);
    await expect(v.locator("ol > li[id^=stop-]").nth(1)).toContainText("测试观景台");
    const api = await v.request.get(`/api/routes/${slug}`);
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body.stops.map((s: { name: { en: string } }) => s.name.en)).toEqual([
      expect.stringMatching(/Dujia/),
      "Test lookout",
      expect.stringMatching(/Ecological Park/),
    ]);
    await visitor.close();

    // Withdrawn: gone from the public list and API at once.
    await page.getByRole("button", { name: "撤回为草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已撤回" })).toBeVisible();
    expect((await page.request.get(`/api/routes/${slug}`)).status()).toBe(404);
  });
});

test.describe("the route editor for everyone else", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("is refused to an organiser", async ({ page }) => {
    const response = await page.goto("/admin/routes/new");
    expect(response?.status()).toBe(403);
  });
});
