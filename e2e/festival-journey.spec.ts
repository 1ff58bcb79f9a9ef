import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { storageStateFor } from "./support";

type FestivalApi = {
  slug: string;
  name: { zh: string };
  ticketTypes: { id: string; name: { zh: string } }[];
  sessions: { id: string; startsAt: string; remaining: number }[];
};

// The whole festival journey, as the issue states it: a visitor buys two tickets
// through the pages, the organiser finds the booking, exports it and checks one
// ticket in at the gate, where a second scan is refused.
test("a visitor buys two bayberry tickets; the organiser finds the booking, exports it and checks a ticket in once", async ({
  page,
  browser,
  request,
}) => {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  if (!bayberry) throw new Error("the seed has no bayberry festival");
  const entry = bayberry.ticketTypes[0];
  // The third session of the first day: other journeys use the first two.
  const session = bayberry.sessions[2];
  if (!entry || !session) throw new Error("the bayberry festival has no tickets to sell");

  // ── The visitor, on a phone-sized screen, without an account ──
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/festivals/bayberry-festival");
  const card = page.locator(`[data-session="${session.id}"]`);
  await expect(card.getByTestId("session-status")).toHaveText(`余 ${session.remaining}`);
  await card.locator("label").click();
  const more = page.getByRole("button", { name: `增加 ${entry.name.zh}` });
  await more.click();
  await more.click();
  await expect(page.getByLabel(`${entry.name.zh} 数量`)).toHaveValue("2");
  await page.getByRole("button", { name: "立即预订" }).click();

  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.locator("[data-basket-line]")).toHaveCount(1);
  await expect(page.getByTestId("basket-link")).toHaveAccessibleName("购物篮 2 件");
  // A wrong mobile number is refused in Chinese and nothing is ordered.
  await page.getByLabel("姓名").fill("杨梅游客");
  await page.getByLabel("手机号").fill("12345");
  await page.getByLabel("电子邮箱").fill("journey@example.com");
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "提交订单并支付" }).click();
  await expect(page.locator("#phone-error")).toBeVisible();
  await expect(page.locator("[data-basket-line]")).toHaveCount(1);
  await page.getByLabel("手机号").fill("137 0000 5151");
  await page.getByRole("button", { name: "提交订单并支付" }).click();

  await expect(page).toHaveURL(/\/orders\/[^?]+\?token=/);
  await expect(page.getByTestId("order-status")).toHaveText("待支付");
  const code = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("订单 ", "").trim();
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expect(page.locator("[data-ticket]")).toHaveCount(2);
  await expect(page.locator("[data-ticket] svg").first()).toBeVisible();
  const ticketCodes = (await page.getByTestId("ticket-code").allTextContents()).map((c) => c.replace(/-/g, ""));
  expect(new Set(ticketCodes).size).toBe(2);
  // The basket was emptied by the order.
  await expect(page.getByTestId("basket-link")).toHaveAccessibleName("购物篮");

  // ── The organiser ──
  const organiser = await browser.newContext({ storageState: storageStateFor("organiser") });
  const staff = await organiser.newPage();
  await staff.goto("/organiser");
  await staff.getByRole("link", { name: bayberry.name.zh }).click();
  await expect(staff.locator(`[data-session-row="${session.id}"] [data-stat="sold"]`)).not.toHaveText("0");
  await staff.getByRole("link", { name: "订单", exact: true }).click();
  await staff.getByLabel("搜索").fill("13700005151");
  await staff.getByRole("button", { name: "筛选" }).click();
  await expect(staff.getByTestId("bookings-count")).toHaveText("共 1 个订单");
  await expect(staff.locator(`[data-booking="${code}"]`)).toContainText("杨梅游客");

  const download = staff.waitForEvent("download");
  await staff.getByRole("link", { name: "导出 CSV" }).click();
  const csv = readFileSync((await (await download).path()) ?? "", "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('"订单号"');
  for (const ticket of ticketCodes) expect(csv).toContain(`"${ticket}"`);
  expect(csv).toContain('"杨梅游客"');

  await staff.locator(`[data-booking="${code}"] a`).click();
  await expect(staff.getByTestId("booking-status")).toHaveText("已支付");
  await expect(staff.locator("[data-ticket]")).toHaveCount(2);

  // ── At the gate ──
  const [first] = ticketCodes;
  await staff.goto(`/organiser/check-in?festival=${bayberry.slug}&session=${session.id}`);
  const input = staff.getByLabel("票号或二维码内容");
  await input.fill(`${first?.slice(0, 4)}-${first?.slice(4, 8)}-${first?.slice(8)}`.toLowerCase());
  await input.press("Enter");
  const answer = staff.getByTestId("check-in-answer");
  await expect(answer).toHaveAttribute("data-result", "ok");
  await expect(answer).toContainText("有效，请入场");
  await expect(answer).toContainText("杨梅游客");
  await answer.click();
  await expect(answer).toBeHidden();

  await input.fill(first ?? "");
  await input.press("Enter");
  await expect(answer).toHaveAttribute("data-result", "already_used");
  await expect(answer).toContainText("已检过票");
  await expect(answer).toContainText("首次检票");
  await organiser.close();
});

test("a buyer cancels one of two tickets before the cut-off: refunded, and the seat is on sale again", async ({
  page,
  request,
}) => {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  const entry = bayberry?.ticketTypes[0];
  const session = bayberry?.sessions[3];
  if (!entry || !session) throw new Error("the bayberry festival has no tickets to sell");
  const created = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: entry.id, sessionId: session.id, quantity: 2 }],
      customer: { name: "退票游客", phone: "13900006666", email: "cancel@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const { paymentUrl } = await created.json();
  const url = new URL(paymentUrl);
  await page.goto(url.pathname + url.search);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.locator("[data-ticket]")).toHaveCount(2);
  const seatsLeft = async () =>
    (
      (await (await request.get(`/api/festivals/${bayberry?.slug}/availability`)).json()) as {
        sessions: { id: string; remaining: number }[];
      }
    ).sessions.find((s) => s.id === session.id)?.remaining;
  const before = await seatsLeft();

  await page.getByRole("button", { name: "取消门票并退款" }).click();
  const boxes = page.getByRole("checkbox");
  await expect(boxes).toHaveCount(2);
  // Nothing is ticked to begin with: nothing can be cancelled by one tap.
  await expect(boxes.nth(0)).not.toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(page.getByRole("button", { name: "取消 0 张并退款" })).toBeDisabled();
  await boxes.nth(0).check();
  await page.getByRole("button", { name: "取消 1 张并退款" }).click();
  await expect(page.getByTestId("cancel-done")).toContainText("已取消 1 张门票");
  await expect(page.getByTestId("order-status")).toHaveText("部分退款");
  await expect(page.locator("[data-ticket]")).toHaveCount(1);
  await expect(page.getByTestId("voided-tickets")).toContainText("已退款");
  expect(await seatsLeft()).toBe((before ?? 0) + 1);
  // The total says what was paid after the refund: half of it, one ticket of two.
  const yuan = async (testId: string) =>
    Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/[^\d.]/g, ""));
  await expect(page.getByTestId("order-refunded")).toContainText("已退");
  await expect(page.getByTestId("order-net")).toContainText("实付");
  expect(await yuan("order-net")).toBeGreaterThan(0);
  expect(await yuan("order-net")).toBe(await yuan("order-refunded"));
});
