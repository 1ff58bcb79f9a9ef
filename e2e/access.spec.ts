import { expect, test } from "@playwright/test";
import { chooseEmailSignIn, DEMO_PASSWORD, type RoleName, storageStateFor } from "./support";

// Which back-office pages each role may open; everything else answers 403.
const PAGES = ["/account", "/farmer", "/organiser", "/admin"] as const;
const MAY_OPEN: Record<RoleName, readonly string[]> = {
  visitor: ["/account"],
  farmer: ["/account", "/farmer"],
  organiser: ["/account", "/organiser"],
  organiserCherry: ["/account", "/organiser"],
  admin: ["/account", "/organiser", "/admin"],
};
const HEADINGS: Record<string, string> = {
  "/account": "我的账户",
  "/farmer": "农户工作台",
  "/organiser": "节庆管理",
  "/admin": "管理后台",
};

for (const role of Object.keys(MAY_OPEN) as RoleName[]) {
  test.describe(`as the demo ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    for (const path of PAGES) {
      const allowed = MAY_OPEN[role].includes(path);
      test(`${allowed ? "opens" : "is refused"} ${path}`, async ({ page }) => {
        const response = await page.goto(path);
        if (allowed) {
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1, name: HEADINGS[path] })).toBeVisible();
        } else {
          expect(response?.status()).toBe(403);
          await expect(page.getByTestId("forbidden")).toBeVisible();
          await expect(page.getByRole("heading", { level: 1, name: HEADINGS[path] })).toHaveCount(0);
        }
      });
    }
  });
}

test.describe("as a stranger", () => {
  for (const path of PAGES) {
    test(`is sent to sign in from ${path}, and back after`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}$`));
    });
  }

  test("returns to the page asked for after signing in", async ({ page }) => {
    await page.goto("/organiser");
    await chooseEmailSignIn(page);
    await page.getByLabel("电子邮箱").fill("organiser@suoqian.test");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/organiser$/);
    await expect(page.getByRole("heading", { level: 1, name: "节庆管理" })).toBeVisible();
  });
});

test.describe("the admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sees the users and the seeded catalogue", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("cell", { name: "farmer@suoqian.test" })).toBeVisible();
    await expect(page.getByTestId("catalogue-counts")).toContainText(/线路 \d+ 条/);
  });
});
