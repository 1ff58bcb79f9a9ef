import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";

test.describe("a visitor looking at the festivals", () => {
  test("finds the bayberry festival, its ticket types and the seats left per session, live", async ({
    page,
    request,
  }) => {
    await page.goto("/festivals");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("节庆");
    await page.locator('[data-festival="bayberry-festival"] a').click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/杨梅节/);
    await expect(page.locator("[data-ticket-type]")).toHaveCount(3);
    await expect(page.locator("[data-ticket-type]").first()).toContainText("¥");

    const { festivals } = await (await request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    const first = bayberry.sessions[0];
    const card = page.locator(`[data-session="${first.id}"]`);
    await expect(card.getByTestId("session-status")).toHaveText(`余 ${first.remaining}`);

    // Seats taken elsewhere (a partner, through the API) show without reloading the cached page.
    const order = await request.post("/api/orders", {
      data: {
        items: [{ kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId: first.id, quantity: 1 }],
        customer: { name: "页面测试", phone: "13900003333", email: "page@example.com" },
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(order.status()).toBe(201);
    await page.reload();
    await expect(card.getByTestId("session-status")).toHaveText(`余 ${first.remaining - 1}`);
  });
});
