import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { DEMO_PASSWORD, ROLES, signIn } from "./support";

// The installable app and tickets at a gate with no signal: the service worker keeps a ticket
// page once opened, so it still shows its QR code offline. Needs the production build.

/** Buys one bayberry entry ticket as a guest through the API and pays on the order page (demo payment). */
async function buyPaidTicket(page: Page, request: APIRequestContext) {
  const { festivals } = await (await request.get("/api/festivals")).json();
  const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
  const created = await request.post("/api/orders", {
    data: {
      items: [
        { kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId: bayberry.sessions[2].id, quantity: 1 },
      ],
      customer: { name: "离线游客", phone: "13900006666", email: "offline@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const paymentUrl = new URL((await created.json()).paymentUrl);
  const orderPath = paymentUrl.pathname + paymentUrl.search;
  await page.goto(orderPath);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const code = (await page.getByTestId("ticket-code").textContent()) ?? "";
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  return { orderPath, code, heading };
}

/** Waits for the service worker to be active and in control of the page. */
async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

const keptUrls = (page: Page, cache: string) =>
  page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
  }, cache);

test.describe("tickets with no signal", () => {
  test("the order page still shows the QR code after an offline reload, and says when it was last updated", async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(60_000);
    const { orderPath, code, heading } = await buyPaidTicket(page, request);
    await controlledByServiceWorker(page);
    const notice = page.getByTestId("offline-notice");
    await expect(notice).toBeHidden();

    await context.setOffline(true);
    await page.reload();
    const ticket = page.locator("[data-ticket]");
    await expect(ticket).toHaveCount(1);
    await expect(ticket.locator('[role="img"] svg')).toBeVisible();
    await expect(page.getByTestId("ticket-code")).toHaveText(code);
    await expect(notice).toBeVisible();
    await expect(notice).toHaveText(/^离线显示 · 最后更新于 .+\d{2}:\d{2}$/);

    // A page never opened answers with the offline page, which links to the kept ticket.
    await page.goto("/routes");
    await expect(page.getByRole("heading", { level: 1, name: "当前离线" })).toBeVisible();
    await page.getByTestId("kept-pages").getByRole("link", { name: heading }).click();
    await expect(page).toHaveURL(orderPath);
    await expect(page.getByTestId("ticket-code")).toHaveText(code);

    // In English too.
    await page.goto("/en/festivals");
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByTestId("kept-pages").getByRole("link", { name: heading })).toBeVisible();
    await context.setOffline(false);
  });

  test("signing out forgets the account pages kept on the device", async ({ page, context }) => {
    test.setTimeout(60_000);
    await signIn(page, ROLES.visitor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    // Kept without a reload: the page asks the worker for a copy once it is running.
    await expect.poll(() => keptUrls(page, "suoqian-account-pages"), { timeout: 20_000 }).toEqual(["/account"]);

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
    await expect.poll(() => keptUrls(page, "suoqian-account-pages")).toEqual([]);

    await context.setOffline(true);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "当前离线" })).toBeVisible();
    await context.setOffline(false);
  });
});

test.describe("a phone that changes hands", () => {
  test("the account page kept for one visitor is gone once another account signs in, though nobody signed out", async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, ROLES.visitor.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await expect.poll(() => keptUrls(page, "suoqian-account-pages"), { timeout: 20_000 }).toEqual(["/account"]);

    // The first visitor's session simply ends (cookies gone); the next person signs in.
    await context.clearCookies();
    await signIn(page, ROLES.organiserCherry.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/organiser$/);
    await expect.poll(() => keptUrls(page, "suoqian-account-pages")).toEqual([]);

    await context.setOffline(true);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "当前离线" })).toBeVisible();
    await context.setOffline(false);
  });
});

test.describe("the installable app", () => {
  test("the manifest names the app and its icons, and each icon is a PNG of its size", async ({ request }) => {
    const response = await request.get("/manifest.webmanifest");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: "所前游",
      short_name: "所前游",
      lang: "zh-CN",
      start_url: "/",
      display: "standalone",
      theme_color: "#2f7a4a",
    });
    const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    for (const icon of icons) {
      const file = await request.get(icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()["content-type"], icon.src).toBe("image/png");
      const { width, height, format } = await sharp(await file.body()).metadata();
      expect(`${format} ${width}x${height}`, icon.src).toBe(`png ${icon.sizes}`);
    }
  });

  test("every page links the manifest and the home-screen icon", async ({ page, request }) => {
    await page.goto("/en/festivals");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
    expect((await request.get(appleIcon ?? "")).headers()["content-type"]).toBe("image/png");
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#2f7a4a");
  });
});
