import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { expectNoOverlap } from "./support";

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

  test("on a phone, a paid order opens on its tickets: the QR code large on the first screen, whose ticket it is, nothing covering it", async ({
    page,
    request,
  }, testInfo) => {
    const { festivals } = await (await request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    const created = await request.post("/api/orders", {
      data: {
        items: [
          { kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId: bayberry.sessions[4].id, quantity: 1 },
        ],
        customer: { name: "扫码游客", phone: "13900004545", email: "ticket-first@example.com" },
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(created.status()).toBe(201);
    const { paymentPath } = await created.json();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(paymentPath);
    await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
    await expect(page.getByTestId("order-status")).toHaveText("已支付");
    await page.evaluate(() => window.scrollTo(0, 0));

    const ticket = page.locator("[data-ticket]").first();
    const qr = ticket.getByRole("img", { name: /^票号 / });
    const box = await qr.boundingBox();
    expect(box?.y ?? 9999).toBeLessThan(844);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(240);
    // The whole code is on the first screen, above the tab bar.
    expect((box?.y ?? 0) + (box?.height ?? 9999)).toBeLessThan(844 - 56);
    await expect(ticket.getByText("出示此码入园")).toBeVisible();
    await expect(ticket.getByTestId("ticket-holder")).toHaveText("扫码游客");
    // The summary and the cancellation come after the tickets.
    const ticketsTop = (await page.getByTestId("order-tickets").boundingBox())?.y ?? 0;
    const cancelTop = (await page.getByRole("button", { name: "取消门票并退款" }).boundingBox())?.y ?? 0;
    expect(cancelTop).toBeGreaterThan(ticketsTop);
    await expectNoOverlap(page, ["header", 'nav[aria-label="主导航"]', "[data-ticket] [role=img]"]);
    await testInfo.attach("paid order on a phone", {
      body: await page.screenshot(),
      contentType: "image/png",
    });
  });
});
