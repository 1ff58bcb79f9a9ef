import { expect, type Page, test } from "@playwright/test";
import { finishSignUp, signIn, storageStateFor } from "./support";

const FIRST = "Cherry-April-27";
const SECOND = "Bayberry-June-26";
const THIRD = "Plum-Blossom-33";

async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
}

test.describe("a visitor's password", () => {
  test("is changed on the account page, then reset with the link from the outbox", async ({ page, browser }) => {
    const baseURL = test.info().project.use.baseURL;
    const email = `pw-e2e-${Date.now()}@example.com`;

    await page.goto("/sign-up");
    await page.getByLabel("姓名").fill("改密游客");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码").fill(FIRST);
    await page.getByLabel("我已阅读并同意《隐私政策》").check();
    await page.getByRole("button", { name: "注册" }).click();
    await finishSignUp(page, browser, email, FIRST);

    // A second browser signed in to the same account, which the change must sign out.
    const elsewhere = await browser.newContext({ baseURL });
    const otherPage = await elsewhere.newPage();
    await signIn(otherPage, email, FIRST);
    await expect(otherPage).toHaveURL(/\/account$/);

    await page.getByLabel("当前密码").fill(FIRST);
    await page.getByLabel("新密码", { exact: true }).fill(SECOND);
    await page.getByLabel("再次输入新密码").fill(SECOND);
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByText("密码已修改，其他设备和浏览器上的登录已退出。")).toBeVisible();
    // This browser stays signed in; the other one is a stranger again.
    await page.reload();
    await expect(page.getByText(email)).toBeVisible();
    const other = await otherPage.goto("/account");
    expect(other?.url()).toMatch(/\/sign-in\?callbackUrl=/);
    await elsewhere.close();

    await signOut(page);
    await signIn(page, email, FIRST);
    await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await signIn(page, email, SECOND);
    await expect(page).toHaveURL(/\/account$/);
    await signOut(page);

    // Forgotten: ask for a link from the sign-in page.
    await page.goto("/sign-in?method=email");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByRole("button", { name: "发送重设链接" }).click();
    await expect(page.getByTestId("reset-requested")).toContainText(email);

    // No SMTP server in this run: the administrator finds the mail in the outbox.
    const admin = await browser.newContext({ baseURL, storageState: storageStateFor("admin") });
    const adminPage = await admin.newPage();
    const row = adminPage.getByRole("row").filter({ hasText: email }).filter({ hasText: "重设密码" });
    // The mail is written just after the answer: look again until it is there.
    await expect(async () => {
      await adminPage.goto("/admin/outbox");
      await expect(row).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await row.getByRole("link").click();
    await expect(adminPage.getByTestId("email-to")).toHaveText(email);
    const text = (await adminPage.getByTestId("email-text").textContent()) ?? "";
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(text)?.[0];
    expect(link, text).toBeTruthy();
    await admin.close();
    const resetPath = `${new URL(link ?? "").pathname}${new URL(link ?? "").search}`;

    await page.goto(resetPath);
    await expect(page.getByRole("heading", { level: 1, name: "设置新密码" })).toBeVisible();
    await page.getByLabel("新密码", { exact: true }).fill(THIRD);
    await page.getByLabel("再次输入新密码").fill(THIRD);
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page.getByText("密码已重设")).toBeVisible();
    await page.getByRole("link", { name: "用新密码登录" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, email, THIRD);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(email)).toBeVisible();

    // The link worked once.
    await page.goto(resetPath);
    await expect(page.getByText("这个重设链接无效、已经用过或已过期")).toBeVisible();
  });
});
