import type { Page } from "@playwright/test";

export const DEMO_PASSWORD = "Suoqian2026!";

export const ROLES = {
  visitor: { email: "visitor@suoqian.test", home: "/account" },
  farmer: { email: "farmer@suoqian.test", home: "/farmer" },
  organiser: { email: "organiser@suoqian.test", home: "/organiser" },
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
