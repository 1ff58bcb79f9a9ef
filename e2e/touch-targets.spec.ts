import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { expectTouchTargets } from "./support";

// On a phone every control a visitor taps is at least 44 × 44 px (a thumb, not a mouse):
// the home page, a festival with a session chosen, a product, checkout with a line, the
// planner with items, and a paid order.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

type FestivalApi = { slug: string; ticketTypes: { id: string; name: { zh: string } }[]; sessions: { id: string }[] };

test("the visitor's pages have touch targets of at least 44 × 44 px", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByTestId("next-festival")).toBeVisible();
  await expectTouchTargets(page);

  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  const session = bayberry?.sessions[9];
  const entry = bayberry?.ticketTypes[0];
  if (!session || !entry) throw new Error("the seed's bayberry festival has too few sessions");
  await page.goto(`/festivals/bayberry-festival#session-${session.id}`);
  await expect(page.locator(`[data-session="${session.id}"] input[type=radio]`)).toBeChecked();
  await page.getByRole("button", { name: `增加 ${entry.name.zh}` }).click();
  await expectTouchTargets(page);

  await page.goto("/shop/products/dujia-zaose-bayberries");
  await expect(page.getByRole("button", { name: "加入购物篮" })).toBeVisible();
  await expectTouchTargets(page);

  await page.goto("/festivals/bayberry-festival");
  await page.goto(`/festivals/bayberry-festival#session-${session.id}`);
  await page.getByRole("button", { name: `增加 ${entry.name.zh}` }).click();
  await page.getByRole("button", { name: "立即预订" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.locator("[data-basket-line]")).toHaveCount(1);
  await expectTouchTargets(page);

  await page.goto("/routes/picking-bayberries-dujia");
  await page.getByTestId("add-to-trip").click();
  await expect(page.locator('[data-trip-item="route"]')).toHaveCount(1);
  await expectTouchTargets(page);

  const created = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: entry.id, sessionId: session.id, quantity: 1 }],
      customer: { name: "拇指游客", phone: "13900004646", email: "thumb@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  await page.goto((await created.json()).paymentPath);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expectTouchTargets(page);
});
