import { type Browser, expect, type Page } from "@playwright/test";

/** The demo accounts' password of the server under test: `npm test` starts it with a fresh one. */
export const DEMO_PASSWORD = (() => {
  const value = process.env.DEMO_PASSWORD;
  if (!value) throw new Error("Set DEMO_PASSWORD to the demo password of the server under test.");
  return value;
})();

export const ROLES = {
  visitor: { email: "visitor@suoqian.test", home: "/account" },
  farmer: { email: "farmer@suoqian.test", home: "/farmer" },
  organiser: { email: "organiser@suoqian.test", home: "/organiser" },
  organiserCherry: { email: "organiser.cherry@suoqian.test", home: "/organiser" },
  admin: { email: "admin@suoqian.test", home: "/admin" },
} as const;

export type RoleName = keyof typeof ROLES;

export const storageStateFor = (role: RoleName) => `e2e/.auth/${role}.json`;

/** The sign-in page opens on the phone and code; staff and e-mail accounts choose the other tab. */
export async function chooseEmailSignIn(page: Page) {
  await page.getByRole("tab", { name: /邮箱密码登录|E-mail and password/ }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await chooseEmailSignIn(page);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/**
 * The code texted to a number, as the administrator reads it in the outbox (no SMS
 * gateway in this run): the newest code text to that number.
 */
export async function textedCode(browser: Browser, phone: string): Promise<string> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: storageStateFor("admin") });
  const admin = await context.newPage();
  let code = "";
  await expect(async () => {
    await admin.goto("/admin/outbox");
    const row = admin.locator("tr[data-text-message]").filter({ hasText: phone }).filter({ hasText: /验证码|code is/ });
    const text = (await row.first().textContent({ timeout: 1000 })) ?? "";
    code = /(?<!\d)\d{6}(?!\d)/.exec(text.replace(phone, ""))?.[0] ?? "";
    expect(code).toMatch(/^\d{6}$/);
  }).toPass({ timeout: 15_000 });
  await context.close();
  return code;
}
