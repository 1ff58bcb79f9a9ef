import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./support";

// The audit log: an admin's edit shows up at once with what it changed; an
// organiser reads only their own festivals' entries.

async function festivalId(request: APIRequestContext, slug: string): Promise<string> {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as {
    festivals: { id: string; slug: string }[];
  };
  const found = festivals.find((f) => f.slug === slug);
  if (!found) throw new Error(`the seed has no ${slug}`);
  return found.id;
}

/** Saves a festival in the editor as it is: a real write, so it leaves an entry. */
async function saveUnchanged(page: Page, slug: string) {
  await page.goto(`/organiser/festivals/${slug}/edit`);
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
}

test.describe("the admin's audit log", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an edit in the route editor is found on /admin/audit, filtered by action, with the field it changed", async ({
    page,
  }) => {
    await page.goto("/admin/routes");
    await page.locator("[data-admin-route] a").first().click();
    await expect(page).toHaveURL(/\/admin\/routes\/c[a-z0-9]+$/);
    const routeId = page.url().split("/").pop() ?? "";
    const title = page.getByLabel("标题（英文）");
    const original = await title.inputValue();
    const renamed = `Audit ${Date.now()}`;
    await title.fill(renamed);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();

    await page.goto("/admin");
    await page.getByRole("link", { name: "操作日志" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await page.locator('select[name="action"]').selectOption("route.update");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/action=route\.update/);
    const rows = page.locator("[data-audit-entry]");
    await expect(rows.first()).toBeVisible();
    expect(await page.locator("[data-audit-entry]:not([data-action='route.update'])").count()).toBe(0);
    const entry = page.locator(`[data-audit-entry][data-entity="${routeId}"]`).first();
    await expect(entry).toContainText("admin@suoqian.test");
    await expect(entry).toContainText("修改线路");
    await expect(entry).toContainText("titleEn");
    await expect(entry).toContainText(renamed);
    await expect(entry.getByRole("link").first()).toHaveAttribute("href", `/admin/routes/${routeId}`);
    // The grey record ids, too, are readable (contrast 4.5:1).
    const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    expect(violations).toEqual([]);

    // Put the seeded title back.
    await page.goto(`/admin/routes/${routeId}`);
    await page.getByLabel("标题（英文）").fill(original);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  });

  test("bad filters are named and ignored, not an error", async ({ page }) => {
    const response = await page.goto("/admin/audit?action=drop-table&from=2027-02-30&page=-3");
    expect(response?.status()).toBe(200);
    const notice = page.getByTestId("audit-invalid");
    await expect(notice).toContainText("操作");
    await expect(notice).toContainText("开始日期");
    await expect(notice).toContainText("页码");
  });
});

test.describe("an organiser's audit log", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("shows the bayberry festival's entries and none of the cherry festival's", async ({
    page,
    request,
    browser,
  }) => {
    const bayberry = await festivalId(request, "bayberry-festival");
    const cherry = await festivalId(request, "cherry-festival");

    // One entry for each festival: the admin saves the cherry festival, the organiser their own.
    const adminContext = await browser.newContext({ locale: "zh-CN", storageState: storageStateFor("admin") });
    const adminPage = await adminContext.newPage();
    await saveUnchanged(adminPage, "cherry-festival");
    await adminPage.goto(`/admin/audit?festival=${cherry}`);
    await expect(adminPage.locator(`[data-audit-entry][data-festival="${cherry}"]`).first()).toBeVisible();
    await adminContext.close();
    await saveUnchanged(page, "bayberry-festival");

    await page.goto("/organiser");
    await page.getByRole("link", { name: "操作日志" }).click();
    await expect(page).toHaveURL(/\/organiser\/audit$/);
    await expect(page.locator(`[data-audit-entry][data-festival="${bayberry}"]`).first()).toBeVisible();
    await expect(page.locator(`[data-audit-entry][data-festival="${cherry}"]`)).toHaveCount(0);
    await expect(page.locator(`select[name="festival"] option[value="${cherry}"]`)).toHaveCount(0);

    // Asking for the cherry festival by id finds nothing either.
    await page.goto(`/organiser/audit?festival=${cherry}`);
    await expect(page.locator("[data-audit-entry]")).toHaveCount(0);
    await expect(page.getByText("没有符合条件的记录。")).toBeVisible();
    expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  });
});
