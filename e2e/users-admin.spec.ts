import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { finishSignUp, signIn, storageStateFor } from "./support";

test("an administrator makes a new visitor an organiser, then disables them: their session ends at once and signing in is refused", async ({
  browser,
}) => {
  const stamp = Date.now();
  const email = `e2e-users-${stamp}@example.com`;
  const name = `停用测试${stamp}`;
  const password = "Cherry-April-27";

  // ── The visitor signs up in a browser of their own and stays signed in ──
  const theirs = await browser.newContext();
  const visitor = await theirs.newPage();
  await visitor.goto("/sign-up");
  await visitor.getByLabel("姓名").fill(name);
  await visitor.getByLabel("电子邮箱").fill(email);
  await visitor.getByLabel("密码").fill(password);
  await visitor.getByLabel("我已阅读并同意《隐私政策》").check();
  await visitor.getByRole("button", { name: "注册" }).click();
  await finishSignUp(visitor, browser, email, password);
  await expect(visitor.getByTestId("role")).toHaveText("游客");

  // ── The administrator finds them and makes them an organiser ──
  const ours = await browser.newContext({ storageState: storageStateFor("admin") });
  const admin = await ours.newPage();
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "用户管理" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await admin.getByLabel("搜索").fill(email);
  await admin.getByRole("button", { name: "筛选" }).click();
  await expect(admin.getByTestId("users-count")).toHaveText("共 1 位用户");
  const row = admin.locator(`[data-user="${email}"]`);
  await row.getByLabel(`${name} 的身份`, { exact: true }).selectOption("ORGANISER");
  // The button's name starts with what it shows (axe's label-content-name-mismatch, off by default).
  const { violations } = await new AxeBuilder({ page: admin }).withRules(["label-content-name-mismatch"]).analyze();
  expect(violations).toEqual([]);
  await row.getByRole("button", { name: `保存身份 · ${name}` }).click();
  // A role is read afresh on every request: the same session now carries the new one.
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByTestId("role")).toHaveText("节庆主办方", { timeout: 1000 });
  }).toPass();

  // ── …then disables them ──
  await row.getByRole("button", { name: `停用 ${name}` }).click();
  await expect(row.getByTestId("user-state")).toContainText("已停用");
  await expect(row.getByRole("button", { name: `启用 ${name}` })).toBeVisible();

  // ── Their session ends on the next page load, and signing in again is refused ──
  const response = await visitor.goto("/account");
  expect(response?.url()).toMatch(/\/sign-in\?callbackUrl=/);
  await visitor.goto("/");
  await expect(visitor.getByRole("link", { name: "登录" })).toBeVisible();
  await signIn(visitor, email, password);
  await expect(visitor.locator("form").getByRole("alert")).toHaveText("该账户已被停用，请联系管理员。");
  await expect(visitor).toHaveURL(/\/sign-in$/);

  await theirs.close();
  await ours.close();
});
