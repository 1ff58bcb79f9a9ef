import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";

test.describe("paying for festival tickets (demo payments)", () => {
  test("a visitor pays an order for two bayberry tickets and sees two QR e-tickets", async ({ page, request }) => {
    const { festivals } = await (await request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    const entry = bayberry.ticketTypes[0];
    const created = await request.post("/api/orders", {
      data: {
        items: [{ kind: "ticket", ticketTypeId: entry.id, sessionId: bayberry.sessions[1].id, quantity: 2 }],
        customer: { name: "杨梅游客", phone: "13900004444", email: "tickets@example.com" },
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(created.status()).toBe(201);
    const { order, paymentUrl } = await created.json();

    await page.goto(new URL(paymentUrl).pathname + new URL(paymentUrl).search);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`订单 ${order.code}`);
    await expect(page.getByTestId("order-status")).toHaveText("待支付");
    await expect(page.getByText("演示支付（不会扣款）")).toBeVisible();
    await page.getByRole("button", { name: "支付（演示）", exact: true }).click();

    await expect(page.getByTestId("order-status")).toHaveText("已支付");
    const tickets = page.locator("[data-ticket]");
    await expect(tickets).toHaveCount(2);
    await expect(tickets.first().locator("svg")).toBeVisible();
    const codes = await page.getByTestId("ticket-code").allTextContents();
    expect(codes).toHaveLength(2);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(new Set(codes).size).toBe(2);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "添加到日历（.ics）" }).click();
    const ics = readFileSync((await (await download).path()) ?? "", "utf8");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain(`SUMMARY:${bayberry.name.zh}`);

    // The API agrees, and without the token the order does not exist.
    const token = new URL(paymentUrl).searchParams.get("token");
    const read = await request.get(`/api/orders/${order.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read.json()).order.tickets).toHaveLength(2);
    expect((await page.goto(`/orders/${order.id}`))?.status()).toBe(404);
  });
});
