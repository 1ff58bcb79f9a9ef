import type { Page } from "@playwright/test";

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

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
