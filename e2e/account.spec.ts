import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { finishSignUp, signIn, storageStateFor } from "./support";

type FestivalApi = {
  slug: string;
  ticketTypes: { id: string; name: { zh: string } }[];
  sessions: { id: string; startsAt: string }[];
};

// The visitor's account, as issue 11 states it: a guest buys a ticket, signs up with
// the same e-mail and finds the order and its ticket on /account; downloads their
// data; finds another guest order by verifying its e-mail with a code; deletes the
// account, after which signing in fails.
test("a guest buys, signs up and finds the order; downloads the data, verifies an e-mail, and deletes the account", async ({
  page,
  browser,
  request,
}) => {
  const baseURL = test.info().project.use.baseURL;
  const stamp = Date.now();
  const email = `account-e2e-${stamp}@example.com`;
  const password = "Plum-Blossom-33";
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  const entry = bayberry?.ticketTypes[0];
  // A session of the first day, which the festival page shows without choosing a day.
  const session = bayberry?.sessions[0];
  if (!bayberry || !entry || !session) throw new Error("the bayberry festival has no tickets to sell");

  // ── The privacy notice, linked from every page's footer ──
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "隐私政策" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1, name: "隐私政策" })).toBeVisible();
  await expect(page.getByTestId("privacy-version")).toContainText(PRIVACY_NOTICE_VERSION);

  // ── A guest buys one ticket at checkout ──
  await page.goto(`/festivals/${bayberry.slug}`);
  await page.locator(`[data-session="${session.id}"]`).locator("label").click();
  await page.getByRole("button", { name: `增加 ${entry.name.zh}` }).click();
  await page.getByRole("button", { name: "立即预订" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("姓名").fill("账户游客");
  await page.getByLabel("手机号").fill("137 0000 8181");
  await page.getByLabel("电子邮箱").fill(email);
  await expect(page.getByTestId("privacy-link")).toHaveAttribute("href", "/privacy");
  // Without the consent nothing is ordered.
  await page.getByRole("button", { name: "提交订单并支付" }).click();
  await expect(page.locator("#privacyConsent-error")).toHaveText("请阅读并勾选同意隐私政策。");
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "提交订单并支付" }).click();
  await expect(page).toHaveURL(/\/orders\/[^?]+\?token=/);
  const orderUrl = page.url();
  const code = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("订单 ", "").trim();
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const ticketCode = (await page.getByTestId("ticket-code").textContent()) ?? "";
  expect(ticketCode).toMatch(/^\w{4}-\w{4}-\w{2}$/);

  // ── The same browser signs up with the same e-mail: the order and its ticket are there at once ──
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("账户游客");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await expect(page.getByTestId("privacy-link")).toHaveAttribute("href", "/privacy");
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "注册" }).click();
  await finishSignUp(page, browser, email, password);
  const orders = page.getByTestId("account-orders");
  await expect(orders.locator(`[data-order="${code}"]`)).toContainText("已支付");
  const tickets = page.getByTestId("account-tickets");
  await expect(tickets.locator("[data-ticket]")).toHaveCount(1);
  await expect(tickets.locator("[data-ticket] svg")).toBeVisible();
  await expect(tickets.getByTestId("ticket-code")).toHaveText(ticketCode);
  await expect(page.getByTestId("privacy-consent")).toContainText(PRIVACY_NOTICE_VERSION);

  // ── Download my data: the file holds the order, never the password hash ──
  const download = page.waitForEvent("download");
  await page.getByTestId("export-link").click();
  const file = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(file).not.toContain("passwordHash");
  const data = JSON.parse(file) as { profile: { email: string }; orders: { code: string }[] };
  expect(data.profile.email).toBe(email);
  expect(data.orders.map((o) => o.code)).toContain(code);

  // ── An order placed as a guest on another phone, with another e-mail ──
  const elsewhere = `elsewhere-${stamp}@example.com`;
  const placed = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: entry.id, sessionId: session.id, quantity: 1 }],
      customer: { name: "另一部手机", phone: "13900009191", email: elsewhere },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(placed.status()).toBe(201);
  const otherCode = ((await placed.json()) as { order: { code: string } }).order.code;
  await page.reload();
  await expect(orders.locator(`[data-order="${otherCode}"]`)).toHaveCount(0);

  await page.getByLabel("发到电子邮箱").check();
  await page.getByLabel("电子邮箱", { exact: true }).fill(elsewhere);
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByTestId("code-sent")).toContainText(elsewhere);

  // No SMTP server in this run: the administrator reads the code in the outbox.
  const admin = await browser.newContext({ baseURL, storageState: storageStateFor("admin") });
  const adminPage = await admin.newPage();
  const row = adminPage.getByRole("row").filter({ hasText: elsewhere }).filter({ hasText: "验证码" });
  await expect(async () => {
    await adminPage.goto("/admin/outbox");
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await row.getByRole("link").click();
  await expect(adminPage.getByTestId("email-to")).toHaveText(elsewhere);
  const mail = (await adminPage.getByTestId("email-text").textContent()) ?? "";
  const verificationCode = /(?<!\d)\d{6}(?!\d)/.exec(mail)?.[0];
  expect(verificationCode, mail).toBeTruthy();
  await admin.close();

  await page.getByLabel("验证码").fill(verificationCode ?? "");
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page.getByTestId("contact-verified")).toContainText(elsewhere);
  await expect(orders.locator(`[data-order="${otherCode}"]`)).toContainText("待支付");
  await expect(page.getByTestId("verified-contacts")).toContainText(elsewhere);

  // ── Delete the account: what will happen, then the password ──
  await page.getByRole("link", { name: "删除我的账户" }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  // Written as on the ticket (4-4-2), as everywhere.
  await expect(page.getByTestId("refundable-tickets")).toContainText(ticketCode);
  await expect(page.getByTestId("deletion-plan")).toContainText("1 个未支付的订单会被取消");
  await page.getByLabel("输入密码以确认").fill("not-my-password");
  await page.getByRole("button", { name: "永久删除我的账户" }).click();
  await expect(page.locator("#password-error")).toHaveText("当前密码不正确。");
  await page.getByLabel("输入密码以确认").fill(password);
  await page.getByRole("button", { name: "永久删除我的账户" }).click();
  await expect(page.getByTestId("account-deleted")).toContainText("您的账户已删除");
  await expect(page.getByTestId("account-deleted")).toContainText("1 张电子票已取消");

  // The ticket was cancelled and refunded first; the order stays, reachable by its own link.
  await page.goto(orderUrl);
  await expect(page.getByTestId("order-status")).toHaveText("已退款");

  // The organiser's page of the order: no empty phone link where the buyer's number was.
  const staffContext = await browser.newContext({ storageState: storageStateFor("organiser") });
  const staff = await staffContext.newPage();
  await staff.goto(`/organiser/orders/${new URL(orderUrl).pathname.split("/").pop()}`);
  await expect(staff.getByText("（买家已注销账户）")).toBeVisible();
  await expect(staff.locator('a[href^="tel:"]')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page: staff }).withRules(["link-name"]).analyze();
  expect(violations).toEqual([]);
  await staffContext.close();

  // Signed out, and the account can no longer sign in.
  const response = await page.goto("/account");
  expect(response?.url()).toMatch(/\/sign-in\?callbackUrl=/);
  await signIn(page, email, password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确。");
});
