import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support";

// Suoqian wall-clock values as the date and datetime-local inputs take them (UTC+8, no DST).
const suoqian = (instant: number) => new Date(instant + 8 * 3600_000).toISOString();
const dayFromNow = (days: number) => suoqian(Date.now() + days * 86_400_000).slice(0, 10);

test.describe("the organiser's festival editor", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("an organiser creates a festival with two ticket types and generated sessions, publishes it, and visitors see it", async ({
    page,
    browser,
  }) => {
    const slug = `e2e-festival-${Date.now()}`;
    // A week from ten days ahead always holds one Friday, Saturday and Sunday.
    const first = dayFromNow(10);
    const last = dayFromNow(16);

    await page.goto("/organiser");
    await page.getByRole("link", { name: "新建节庆" }).click();
    await expect(page).toHaveURL(/\/organiser\/festivals\/new$/);
    await page.getByLabel("网址名").fill(slug);
    await page.getByLabel("类型").selectOption("bayberry");
    await page.getByLabel("名称（中文）", { exact: true }).fill("端到端杨梅节");
    await page.getByLabel("一句话简介（中文）").fill("周末分时采摘。");
    await page.getByLabel("场地（中文）").fill("杭州生态园");
    await page.getByLabel("开始日期").fill(first);
    await page.getByLabel("结束日期").fill(last);
    await page.getByLabel("开售时间").fill(suoqian(Date.now() - 3600_000).slice(0, 16));
    await page.getByLabel("停售时间").fill(`${last}T18:00`);

    await page.getByRole("button", { name: "添加票种" }).click();
    await page.getByRole("button", { name: "添加票种" }).click();
    const types = page.getByTestId("editor-ticket-type");
    await types.nth(0).getByLabel("票种名称（中文）").fill("入园票");
    await types.nth(0).getByLabel("价格（元）").fill("12.345");
    await types.nth(1).getByLabel("票种名称（中文）").fill("家庭票");
    await types.nth(1).getByLabel("价格（元）").fill("198");
    await types.nth(1).getByLabel("入场人数").fill("3");

    const generator = page.getByTestId("session-generator");
    await generator.locator("summary").click();
    await generator.getByLabel("每场容量").fill("50");
    await generator.getByRole("button", { name: "生成场次" }).click();
    await expect(generator.getByRole("status")).toHaveText("已添加 9 个场次（已有的相同场次跳过）。保存后生效。");
    await expect(page.getByTestId("editor-session")).toHaveCount(9);

    // A price with three decimals: refused with the field named, nothing saved.
    await page.getByRole("button", { name: "保存" }).click();
    await expect(types.nth(0).getByText("请输入金额，如 88 或 12.5（最多两位小数）。")).toBeVisible();
    await expect(page).toHaveURL(/\/organiser\/festivals\/new$/);

    await types.nth(0).getByLabel("价格（元）").fill("12.5");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page).toHaveURL(new RegExp(`/organiser/festivals/${slug}/edit$`));
    await expect(page.getByTestId("festival-status")).toHaveText("草稿");
    await expect(page.getByTestId("editor-session")).toHaveCount(9);
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已发布，节庆页已更新。" })).toBeVisible();
    await expect(page.getByTestId("festival-status")).toHaveText("已发布");

    const visitor = await browser.newContext({ locale: "zh-CN", storageState: { cookies: [], origins: [] } });
    const v = await visitor.newPage();
    // The list is a cached page: the publish expires it, and the next visits render it
    // afresh (a visit already under way may still get the old copy, so look again).
    await expect(async () => {
      await v.goto("/festivals");
      await expect(v.locator(`[data-festival="${slug}"] a`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await v.locator(`[data-festival="${slug}"] a`).click();
    await expect(v.getByRole("heading", { level: 1 })).toHaveText("端到端杨梅节");
    await expect(v.locator("[data-ticket-type]")).toHaveCount(2);
    await expect(v.locator("[data-ticket-type]").first()).toContainText("¥12.50");
    await expect(v.locator("[data-session]")).toHaveCount(3);
    await expect(v.locator("[data-session]").first().getByTestId("session-status")).toHaveText("余 50");
    const { festivals } = await (await v.request.get("/api/festivals")).json();
    const listed = festivals.find((f: { slug: string }) => f.slug === slug);
    expect(listed.sessions).toHaveLength(9);
    // No English name given: the English page shows the Chinese one.
    await v.goto(`/en/festivals/${slug}`);
    await expect(v.getByRole("heading", { level: 1 })).toHaveText("端到端杨梅节");
    await visitor.close();
  });
});

test.describe("the festival editor for everyone else", () => {
  test.use({ storageState: storageStateFor("farmer") });

  test("is refused to a farmer", async ({ page }) => {
    expect((await page.goto("/organiser/festivals/new"))?.status()).toBe(403);
    expect((await page.goto("/organiser/festivals/bayberry-festival/edit"))?.status()).toBe(403);
  });
});
