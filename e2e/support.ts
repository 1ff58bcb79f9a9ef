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
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  const admin = await context.newPage();
  let code = "";
  await expect(async () => {
    await admin.goto("/admin/outbox");
    const row = admin
      .locator("tr[data-text-message]")
      .filter({ hasText: phone })
      .filter({ hasText: /验证码|code is/ });
    const text = (await row.first().textContent({ timeout: 1000 })) ?? "";
    code = /(?<!\d)\d{6}(?!\d)/.exec(text.replace(phone, ""))?.[0] ?? "";
    expect(code).toMatch(/^\d{6}$/);
  }).toPass({ timeout: 15_000 });
  await context.close();
  return code;
}

/**
 * After "注册": the account is made by the link mailed to the address (read here by the
 * administrator in the outbox), then the visitor signs in with the password they chose,
 * in the same browser (its guest orders and plans join the account), and lands on /account.
 */
export async function finishSignUp(page: Page, browser: Browser, email: string, password: string) {
  await expect(page.getByTestId("sign-up-sent")).toContainText(email);
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    storageState: storageStateFor("admin"),
  });
  const admin = await context.newPage();
  let link = "";
  await expect(async () => {
    await admin.goto("/admin/outbox");
    const row = admin
      .getByRole("row")
      .filter({ hasText: email })
      .filter({ hasText: /完成注册|finish signing up/ });
    await expect(row).toHaveCount(1, { timeout: 1000 });
    await row.getByRole("link").click();
    const text = (await admin.getByTestId("email-text").textContent()) ?? "";
    link = /https?:\/\/\S+\/sign-up\/confirm\?token=[\w-]+/.exec(text)?.[0] ?? "";
    expect(link).not.toBe("");
  }).toPass({ timeout: 15_000 });
  await context.close();
  const url = new URL(link);
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole("button", { name: /创建账户|Create the account/ }).click();
  await expect(page.getByTestId("sign-up-confirmed")).toContainText(email);
  await page.getByTestId("sign-up-confirmed").getByRole("link").click();
  await expect(page.getByRole("tab", { name: /邮箱密码登录|E-mail and password/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.getByLabel(/^电子邮箱$|^Email$/).fill(email);
  await page.getByLabel(/^密码$|^Password$/).fill(password);
  await page.getByRole("button", { name: /^登录$|^Sign in$/ }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/**
 * The visible boxes of these elements (the first match of each) do not overlap on screen:
 * e.g. a fixed bar never covers a ticket's QR code. Boxes are in viewport coordinates.
 */
export async function expectNoOverlap(page: Page, selectors: string[]) {
  const boxes = await Promise.all(
    selectors.map(async (selector) => {
      // The first of them on screen (a desktop twin hidden on a phone does not count).
      const box = await page.locator(`${selector} >> visible=true`).first().boundingBox();
      expect(box, `${selector} is on the page`).not.toBeNull();
      return { selector, box: box ?? { x: 0, y: 0, width: 0, height: 0 } };
    }),
  );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.box.x < b.box.x + b.box.width &&
        b.box.x < a.box.x + a.box.width &&
        a.box.y < b.box.y + b.box.height &&
        b.box.y < a.box.y + a.box.height;
      expect(overlap, `${a.selector} and ${b.selector} overlap`).toBe(false);
    }
  }
}

/**
 * Every control a visitor taps on this screen is at least 44 × 44 px: links, buttons,
 * selects, and check boxes and radios by the label that toggles them. Excepted, as in
 * WCAG 2.5.8: a link inside a sentence (running text around it), and map controls.
 */
export async function expectTouchTargets(page: Page, scope = "body") {
  const small = await page.evaluate((root) => {
    const found: string[] = [];
    const container = document.querySelector(root);
    if (!container) return ["no such scope"];
    const controls = container.querySelectorAll<HTMLElement>(
      "a[href], button, select, input[type=checkbox], input[type=radio], input[type=time], summary",
    );
    for (const control of controls) {
      if (control.closest(".leaflet-container, [hidden], .sr-only")) continue;
      const style = getComputedStyle(control);
      if (style.visibility === "hidden" || style.display === "none") continue;
      const target = control.matches("input[type=checkbox], input[type=radio]")
        ? (control.closest("label") ??
          (control.id ? document.querySelector(`label[for="${control.id}"]`) : null) ??
          control)
        : control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // A link in running text: its sentence has words beside it.
      if (control.tagName === "A") {
        const block = control.closest("p, li, dd, td");
        const own = (control.textContent ?? "").trim().length;
        const all = (block?.textContent ?? "").trim().length;
        if (block && block.tagName === "P" && all > own + 4) continue;
      }
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (control.getAttribute("aria-label") ?? control.textContent ?? "").trim().slice(0, 30);
        found.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  }, scope);
  expect(small, `controls smaller than 44 × 44 on ${page.url()}`).toEqual([]);
}
