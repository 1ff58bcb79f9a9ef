import { type APIRequestContext, devices, expect, type Page, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";

// Paying with WeChat Pay and Alipay as visitors do, against a second server of the same
// install configured with both (scripts/lib/payment-app.ts) and their local peers: on a
// computer the QR code (the peer "scans" it and notifies; the page turns paid by itself),
// in a phone browser WeChat's H5 page and Alipay's cashier, inside WeChat the payment sheet
// after the silent OAuth redirect (a stand-in WeixinJSBridge the peer backs).

const PAY = process.env.E2E_PAY_URL ?? "";
const WECHAT = process.env.E2E_WECHATPAY_URL ?? "";
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(PAY) || !/^http:\/\/127\.0\.0\.1:\d+$/.test(WECHAT)) {
  throw new Error(
    "E2E_PAY_URL and E2E_WECHATPAY_URL must name the local payment server and peer (run through `npm test`).",
  );
}

const IPHONE = devices["iPhone 13"].userAgent;
const WECHAT_UA = `${IPHONE} MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN`;

type FestivalApi = {
  slug: string;
  ticketTypes: { id: string; admissions: number }[];
  sessions: { id: string; remaining: number }[];
};

let n = 0;

/** One ticket of a late cherry-festival session (the demo journeys buy bayberry), unpaid, on the payment server. */
async function pendingOrder(request: APIRequestContext) {
  const { festivals } = (await (await request.get(`${PAY}/api/festivals`)).json()) as { festivals: FestivalApi[] };
  const cherry = festivals.find((f) => f.slug === "cherry-festival") ?? festivals[0];
  const entry = cherry?.ticketTypes.find((t) => t.admissions === 1);
  const session = cherry?.sessions
    .slice()
    .reverse()
    .find((s) => s.remaining >= 2);
  if (!cherry || !entry || !session) throw new Error("the seed has no session to buy");
  const created = await request.post(`${PAY}/api/orders`, {
    data: {
      items: [{ kind: "ticket", ticketTypeId: entry.id, sessionId: session.id, quantity: 1 }],
      customer: {
        name: "支付测试",
        phone: `1370000${String(Date.now() % 10_000).padStart(4, "0")}`,
        email: `pay${++n}@example.com`,
      },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const { order, paymentUrl } = (await created.json()) as { order: { id: string; code: string }; paymentUrl: string };
  const url = new URL(paymentUrl);
  return { order, path: `${url.pathname}${url.search}` };
}

async function expectPaid(page: Page) {
  await expect(page.getByTestId("order-status")).toHaveText("已支付", { timeout: 20_000 });
  await expect(page.locator("[data-ticket]")).toHaveCount(1);
}

test("on a computer: the WeChat Pay QR code, scanned, turns the page to paid without a reload", async ({
  page,
  request,
}) => {
  const { path } = await pendingOrder(request);
  await page.goto(`${PAY}${path}`);
  // Both methods offered, by their own names; no demo payment.
  await expect(page.getByRole("button", { name: "微信支付" })).toBeVisible();
  await expect(page.getByRole("button", { name: "支付宝" })).toBeVisible();
  await expect(page.getByText("演示支付（不会扣款）")).toHaveCount(0);
  await page.getByRole("button", { name: "微信支付" }).click();
  const qr = page.getByTestId("wechat-qr");
  await expect(qr.getByRole("img", { name: "微信支付二维码" })).toBeVisible();
  const codeUrl = await qr.getAttribute("data-code-url");
  expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
  // A mark on this document: a reload would lose it.
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });
  // The visitor scans it with WeChat and pays: WeChat Pay notifies the site.
  const scanned = await request.post(`${WECHAT}/__test/pay`, { data: { code_url: codeUrl } });
  expect(scanned.ok()).toBe(true);
  await expectPaid(page);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test.describe("in a phone browser", () => {
  test.use({ userAgent: IPHONE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("WeChat Pay's H5 page pays and brings the visitor back to the paid order", async ({ page, request }) => {
    const { path } = await pendingOrder(request);
    await page.goto(`${PAY}${path}`);
    await page.getByRole("button", { name: "微信支付" }).click();
    await page.waitForURL(/checkout=success/, { timeout: 20_000 });
    await expectPaid(page);
  });

  test("Alipay's phone cashier pays and brings the visitor back to the paid order", async ({ page, request }) => {
    const { path } = await pendingOrder(request);
    await page.goto(`${PAY}${path}`);
    await page.getByRole("button", { name: "支付宝" }).click();
    await expect(page.getByTestId("alipay-cashier")).toBeVisible({ timeout: 20_000 });
    await page.getByRole("button", { name: "确认付款" }).click();
    await page.waitForURL(/checkout=success/, { timeout: 20_000 });
    await expectPaid(page);
  });
});

test.describe("inside WeChat", () => {
  test.use({ userAgent: WECHAT_UA, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the openid comes through WeChat's silent OAuth, then the payment sheet pays; Alipay says it cannot open here", async ({
    page,
    request,
  }) => {
    // WeChat injects WeixinJSBridge; here a stand-in hands the sheet's request to the local peer,
    // which checks the merchant's paySign and pays.
    await page.exposeBinding("payWithPeer", async (_source, params: Record<string, string>) => {
      const answer = await request.post(`${WECHAT}/__test/jsapi/pay`, { data: params });
      return ((await answer.json()) as { err_msg: string }).err_msg;
    });
    await page.addInitScript(() => {
      const w = window as unknown as {
        payWithPeer: (p: unknown) => Promise<string>;
        WeixinJSBridge: { invoke: (name: string, p: unknown, done: (r: { err_msg: string }) => void) => void };
      };
      w.WeixinJSBridge = {
        invoke: (_name, params, done) => {
          w.payWithPeer(params).then((err_msg) => done({ err_msg }));
        },
      };
    });
    const { path } = await pendingOrder(request);
    await page.goto(`${PAY}${path}`);
    await expect(page.getByTestId("alipay-in-wechat")).toContainText("微信内无法打开支付宝");
    await expect(page.getByRole("button", { name: "支付宝" })).toBeDisabled();
    // No openid yet: the button leads through WeChat's authorize page and back.
    await page.getByRole("link", { name: "微信支付" }).click();
    await page.waitForURL((url) => url.searchParams.get("pay") === "wechatpay");
    await expectPaid(page);
  });
});

test("demo payments stay on the main server, where nothing is configured", async ({ page, request }) => {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const cherry = festivals.find((f) => f.slug === "cherry-festival") ?? festivals[0];
  const entry = cherry?.ticketTypes.find((t) => t.admissions === 1);
  const created = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: entry?.id, sessionId: cherry?.sessions.at(-2)?.id, quantity: 1 }],
      customer: { name: "演示", phone: "13700009999", email: "demo-pay@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  const { paymentUrl } = (await created.json()) as { paymentUrl: string };
  await page.goto(new URL(paymentUrl).pathname + new URL(paymentUrl).search);
  await expect(page.getByText("演示支付（不会扣款）")).toBeVisible();
  await expect(page.getByRole("button", { name: "微信支付" })).toHaveCount(0);
});
