import { expect, test } from "@playwright/test";
import { finishSignUp, storageStateFor } from "./support";

// A new visitor applies to sell; the administrator approves; the applicant hears it by
// mail and, reloading the application page, is sent on to the farmer's workbench
// (not told the page is forbidden, as when /farmer/apply was for visitors only).
test("an approved applicant is told by mail and, on /farmer/apply, is led to the farmer's workbench", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `apply-${stamp}@example.com`;
  const shop = `测试农家 ${stamp}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("申请的农户");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill("Bayberry-June-19");
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "注册" }).click();
  await finishSignUp(page, browser, email, "Bayberry-June-19");

  await page.goto("/farmer/apply");
  await page.getByLabel("店铺名称").fill(shop);
  await page.getByLabel("所在村").fill("杜家村");
  await page.getByLabel("手机号").fill("139 0000 6464");
  await page.getByLabel("所属共富工坊").selectOption({ index: 1 });
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByTestId("application-status").locator("[data-status]")).toHaveText("审核中");

  const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/farmers");
  await admin.getByRole("button", { name: `通过 ${shop} 的申请` }).click();
  await expect(admin.getByRole("button", { name: `通过 ${shop} 的申请` })).toHaveCount(0);

  // The mail to the applicant, in the outbox.
  await admin.goto("/admin/outbox");
  const row = admin.getByRole("row").filter({ hasText: email }).filter({ hasText: "申请已通过" });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(admin.getByTestId("email-text")).toContainText("/farmer");
  await adminContext.close();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申请成为农户");
  await expect(page.getByTestId("application-status").locator("[data-status]")).toHaveText("已通过");
  await expect(page.getByRole("button", { name: "提交申请" })).toHaveCount(0);
  await page.getByRole("link", { name: "进入农户工作台" }).click();
  await expect(page).toHaveURL(/\/farmer$/);
});
