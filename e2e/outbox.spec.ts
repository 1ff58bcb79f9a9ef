import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { type RoleName, storageStateFor } from "./support";

test.describe("the admin's outbox", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("holds the confirmation of a demo purchase, with the order code and the ticket code", async ({
    page,
    request,
  }) => {
    const { festivals } = await (await request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    const created = await request.post("/api/orders", {
      data: {
        items: [
          { kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId: bayberry.sessions[1].id, quantity: 1 },
        ],
        customer: { name: "发件箱测试", phone: "13900008888", email: "outbox-e2e@example.com" },
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(created.status()).toBe(201);
    const { order, paymentUrl } = await created.json();
    await page.goto(new URL(paymentUrl).pathname + new URL(paymentUrl).search);
    await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
    await expect(page.getByTestId("order-status")).toHaveText("已支付");
    const ticketCode = await page.getByTestId("ticket-code").textContent();

    await page.goto("/admin");
    await page.getByRole("link", { name: "发件箱" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "发件箱" })).toBeVisible();
    // No SMTP server in this run: the mail is kept, not sent.
    await expect(page.getByText("未配置 SMTP")).toBeVisible();
    const row = page.locator("tr[data-email]").filter({ hasText: order.code });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("outbox-e2e@example.com");
    await expect(row.locator("[data-status]")).toHaveText("未发送");
    // The e-tickets went by text too (kept: no SMS gateway in this run), with the short link.
    const texted = page.locator("tr[data-text-message]").filter({ hasText: order.code });
    await expect(texted).toHaveCount(1);
    await expect(texted).toContainText("13900008888");
    await expect(texted).toContainText(`/o/${order.code}/`);

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(order.code);
    await expect(page.getByTestId("email-to")).toHaveText("outbox-e2e@example.com");
    const text = page.getByTestId("email-text");
    await expect(text).toContainText("发件箱测试，您好");
    await expect(text).toContainText(ticketCode ?? "missing ticket code");
    await expect(text).toContainText(`/orders/${order.id}?token=`);
    // The HTML version is shown in a sandbox: no scripts, no access to the admin's page.
    await expect(page.locator("iframe")).toHaveAttribute("sandbox", "");
    await expect(page.frameLocator("iframe").getByRole("link", { name: "查看电子票" })).toBeVisible();
  });
});

for (const role of ["visitor", "organiser"] as const satisfies readonly RoleName[]) {
  test.describe(`as the demo ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test("is refused the outbox and its mails", async ({ page }) => {
      for (const path of ["/admin/outbox", "/admin/outbox/any-mail-id"]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
      }
    });
  });
}
