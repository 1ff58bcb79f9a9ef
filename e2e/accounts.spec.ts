import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, finishSignUp, signIn } from "./support";

test.describe("signing up as a visitor", () => {
  test("creates the account with the mailed link, signs in and opens the visitor's page", async ({ page, browser }) => {
    const email = `e2e-${Date.now()}@example.com`;
    await page.goto("/sign-up");
    await page.getByLabel("姓名").fill("测试游客");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("手机号（选填）").fill("139 0000 1234");
    await page.getByLabel("密码").fill("Cherry-April-27");
    await page.getByLabel("我已阅读并同意《隐私政策》").check();
    await page.getByRole("button", { name: "注册" }).click();
    await finishSignUp(page, browser, email, "Cherry-April-27");
    await expect(page.getByTestId("role")).toHaveText("游客");
    await expect(page.getByText(email)).toBeVisible();
  });

  test("explains each bad field in Chinese, keeps what was typed, and creates nothing", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("姓名").fill("测试");
    await page.getByLabel("电子邮箱").fill("not-an-email");
    await page.getByLabel("手机号（选填）").fill("12345");
    await page.getByLabel("密码").fill("12345678");
    await page.getByLabel("我已阅读并同意《隐私政策》").check();
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByText("请输入有效的电子邮箱")).toBeVisible();
    await expect(page.getByText("请输入 11 位中国大陆手机号")).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toHaveValue("not-an-email");
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("refuses a weak password, and answers a taken e-mail exactly as a new one (its owner gets a mail)", async ({
    page,
  }) => {
    await page.goto("/sign-up");
    await page.getByLabel("姓名").fill("测试");
    await page.getByLabel("电子邮箱").fill(`weak-${Date.now()}@example.com`);
    await page.getByLabel("密码").fill("password");
    await page.getByLabel("我已阅读并同意《隐私政策》").check();
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByText("密码太容易被猜到")).toBeVisible();

    await page.getByLabel("电子邮箱").fill("visitor@suoqian.test");
    await page.getByLabel("密码").fill("Cherry-April-27");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.getByTestId("sign-up-sent")).toHaveText(
      "请查收 visitor@suoqian.test 的邮件：打开邮件里的链接完成注册（1 小时内有效）。如果这个邮箱已经注册过，邮件会告诉您怎么登录。",
    );
    await expect(page.getByText("该邮箱已注册")).toHaveCount(0);
  });

  test("speaks English on the English site", async ({ page }) => {
    await page.goto("/en/sign-up");
    await page.getByLabel("Name").fill("Test");
    await page.getByLabel("Email").fill("bad@");
    await page.getByLabel("Password").fill("Cherry-April-27");
    await page.getByLabel("I have read the privacy notice").check();
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByText("Please enter a valid email address")).toBeVisible();
  });
});

test.describe("signing in", () => {
  test("gives the same answer for a wrong password and an unknown email", async ({ page }) => {
    await signIn(page, "admin@suoqian.test", "not-the-password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await signIn(page, "nobody@suoqian.test", DEMO_PASSWORD);
    await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("signs out again", async ({ page }) => {
    await signIn(page, "visitor@suoqian.test", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    const response = await page.goto("/account");
    expect(response?.url()).toMatch(/\/sign-in\?callbackUrl=/);
  });
});
