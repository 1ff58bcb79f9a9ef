import { expect, test } from "@playwright/test";

type FestivalApi = {
  slug: string;
  ticketTypes: { id: string; name: { zh: string } }[];
  sessions: { id: string }[];
};

// A visitor who opened the site at another address of the same server (localhost rather
// than 127.0.0.1, or the reverse) stays there through checkout: the order page is on the
// origin that holds their basket, remembered orders and offline copies.
test("checkout opens the order on the address the visitor is on, not the configured one", async ({
  browser,
  request,
}) => {
  const configured = new URL(process.env.E2E_BASE_URL ?? "");
  const other = new URL(configured.href);
  other.hostname = configured.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";

  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  const session = bayberry?.sessions[7];
  const entry = bayberry?.ticketTypes[0];
  if (!session || !entry) throw new Error("the seed's bayberry festival has too few sessions");

  const context = await browser.newContext({ baseURL: other.origin, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  // A session of a later day, opened as the first screen's session links do.
  await page.goto(`/festivals/bayberry-festival#session-${session.id}`);
  await expect(page.locator(`[data-session="${session.id}"] input[type=radio]`)).toBeChecked();
  await page.getByRole("button", { name: `增加 ${entry.name.zh}` }).click();
  await page.getByRole("button", { name: "立即预订" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("姓名").fill("换个地址的游客");
  await page.getByLabel("手机号").fill("137 0000 7272");
  await page.getByLabel("电子邮箱").fill("origin@example.com");
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "提交订单并支付" }).click();

  await expect(page).toHaveURL(/\/orders\/[^?]+\?token=/);
  expect(new URL(page.url()).host).toBe(other.host);
  await expect(page.getByTestId("order-status")).toHaveText("待支付");
  await context.close();
});
