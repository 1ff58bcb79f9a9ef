import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { finishSignUp, storageStateFor } from "./support";

// Issue 11's journey on a phone: a guest plans a Saturday with a picking route, a
// bayberry session and a workshop pickup; sees the overlap and fixes it; buys the
// session and the produce in one checkout; signs up and finds the plan, the order
// and the tickets in the account.

type Session = { id: string; startsAt: string; endsAt: string };
type Festival = { slug: string; sessions: Session[] };
type Product = {
  id: string;
  slug: string;
  availableFrom: string | null;
  availableUntil: string | null;
  workshop: { slug: string };
};

const suoqian = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000);
const dateOf = (iso: string) => suoqian(iso).toISOString().slice(0, 10);

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("a guest plans a Saturday, fixes an overlap, buys what it needs in one checkout, signs up and finds it all", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const email = `trip-e2e-${stamp}@example.com`;
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: Festival[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  // The first Saturday with a morning session, after the first week of the festival.
  const saturdays = (bayberry?.sessions ?? []).filter((s) => suoqian(s.startsAt).getUTCDay() === 6);
  const session = saturdays.find((s) => suoqian(s.startsAt).getUTCHours() < 11 && s !== saturdays[0]) ?? saturdays[0];
  if (!session) throw new Error("the bayberry festival has no Saturday session");
  const day = dateOf(session.startsAt);
  const start = suoqian(session.startsAt).toISOString().slice(11, 16);
  // Half an hour after the session ends.
  const after = suoqian(new Date(new Date(session.endsAt).getTime() + 30 * 60_000).toISOString())
    .toISOString()
    .slice(11, 16);
  const { products } = (await (await request.get("/api/products")).json()) as { products: Product[] };
  const ready = (p: Product) =>
    (!p.availableFrom || dateOf(p.availableFrom) <= day) && (!p.availableUntil || dateOf(p.availableUntil) > day);
  const product = products.find((p) => p.slug.includes("bayberr") && ready(p)) ?? products.find(ready);
  if (!product) throw new Error("no produce is ready on the festival day");
  const route = (await (await request.get("/api/routes/picking-bayberries-dujia")).json()) as {
    slug: string;
    title: { zh: string };
    durationMinutes: number;
  };
  // The pickup: half an hour after the route, started after the session, would end.
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const pickupAt = Math.min(23 * 60, minutes(after) + route.durationMinutes + 30);
  const pickup = `${String(Math.floor(pickupAt / 60)).padStart(2, "0")}:${String(pickupAt % 60).padStart(2, "0")}`;

  // ── The plan, as a guest ──
  await page.goto("/trips");
  await expect(page.getByLabel("行程名称")).toBeVisible();
  await expect(page.getByTestId("trip-store")).toHaveText("行程保存在本浏览器中；登录后会移到你的账户。");
  await page.getByLabel("行程名称").fill(`杨梅周六 ${stamp}`);
  await page.getByLabel("第一天").fill(day);
  await page.getByLabel("开始时间", { exact: true }).fill(start);
  await page.getByLabel("线路", { exact: true }).selectOption(route.slug);
  await page.getByRole("button", { name: "添加线路" }).click();
  await page.getByLabel("节庆场次").selectOption(session.id);
  await page.getByRole("button", { name: "添加场次" }).click();
  await page.getByLabel("开始时间", { exact: true }).fill(pickup);
  await page.getByLabel("工坊自提").selectOption(product.id);
  await page.getByRole("button", { name: "添加自提" }).click();
  await expect(page.locator("[data-trip-item]")).toHaveCount(3);

  // The route and the session start together: the planner says so, naming both.
  const overlap = page.locator('[data-warning="overlap"]');
  await expect(overlap).toBeVisible();
  await expect(overlap).toContainText(route.title.zh);
  // Start the route after the session: the warning goes.
  await page.getByLabel(`${route.title.zh} 开始时间`).fill(after);
  await expect(overlap).toHaveCount(0);
  await expect(page.locator("[data-trip-item]").first()).toContainText(start);

  // ── Buy what the plan needs, in one checkout ──
  await page.getByRole("button", { name: /购买行程所需/ }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.getByLabel("姓名").fill("行程游客");
  await page.getByLabel("手机号").fill(`136${String(stamp % 100_000_000).padStart(8, "0")}`);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "提交订单并支付" }).click();
  await expect(page).toHaveURL(/\/orders\/[^?]+\?token=/);
  const code = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("订单 ", "").trim();
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  await expect(page.locator("[data-ticket]")).toHaveCount(1);

  // ── The planned pickup time went with the order: "6月26日 周六 16:45" ──
  const [, month, date] = day.split("-").map(Number);
  const weekday = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"][new Date(`${day}T00:00:00Z`).getUTCDay()];
  const when = `${month}月${date}日 ${weekday} ${pickup}`;
  await expect(page.getByTestId("item-pickup-at")).toHaveText(`自提时间：${when}`);
  // The demo farmer (杜家) sees it on the line in their inbox, when the produce is theirs.
  if (product.workshop.slug === "dujia-bayberry") {
    const farmerContext = await browser.newContext({ storageState: storageStateFor("farmer") });
    const farmer = await farmerContext.newPage();
    await farmer.goto("/farmer/orders");
    const line = farmer.locator(`[data-order-line="${code}"]`);
    await expect(line).toHaveCount(1);
    await expect(line.getByTestId("line-pickup-at")).toHaveText(`到工坊自提 · ${when}`);
    await farmerContext.close();
  }

  // ── Sign up in the same browser: the plan, the order and the ticket are in the account ──
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("行程游客");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill("Bayberry-Weekend-27");
  await page.getByLabel("我已阅读并同意《隐私政策》").check();
  await page.getByRole("button", { name: "注册" }).click();
  await finishSignUp(page, browser, email, "Bayberry-Weekend-27");
  await expect(page.getByTestId("account-trips")).toContainText(`杨梅周六 ${stamp}`);
  await expect(page.getByTestId("account-orders").locator(`[data-order="${code}"]`)).toContainText("已支付");
  await expect(page.getByTestId("account-tickets").locator("[data-ticket]")).toHaveCount(1);
  await expect(page.getByTestId("privacy-consent")).toContainText(PRIVACY_NOTICE_VERSION);

  // The plan opens in the planner from the account, saved there, with the fixed times.
  await page
    .getByTestId("account-trips")
    .getByRole("link", { name: `杨梅周六 ${stamp}` })
    .click();
  await expect(page.getByTestId("trip-store")).toHaveText("已保存到你的账户。");
  await expect(page.locator("[data-trip-item]")).toHaveCount(3);
  await expect(overlap).toHaveCount(0);
});

test("a route page adds its route to the visitor's plan, and the plan can be shared once saved", async ({ page }) => {
  // Everything the planner ever says while it opens: never that the route was withdrawn.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { plannerTexts: string[] }).plannerTexts = seen;
    new MutationObserver(() => seen.push(document.body?.innerText ?? "")).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await page.goto("/routes/picking-bayberries-dujia");
  await page.getByTestId("add-to-trip").click();
  await expect(page).toHaveURL(/\/trips$/);
  await expect(page.locator('[data-trip-item="route"]')).toHaveCount(1);
  await expect(page.locator('[data-trip-item="route"]')).toContainText("杜家");
  const texts = await page.evaluate(() => (window as unknown as { plannerTexts: string[] }).plannerTexts);
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((text) => text.includes("已下架"))).toEqual([]);
  // Kept in this browser: a reload still has it.
  await page.reload();
  await expect(page.locator('[data-trip-item="route"]')).toHaveCount(1);
  await expect(page.getByRole("button", { name: "生成只读分享链接" })).toHaveCount(0);
});

test("a festival page adds the chosen session to the visitor's plan, on the session's day", async ({
  page,
  request,
}) => {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: Festival[] };
  const sessions = festivals.find((f) => f.slug === "bayberry-festival")?.sessions ?? [];
  await page.goto("/festivals/bayberry-festival");
  // A session with seats left (once they arrive), chosen: the ticket chooser opens with 加入我的行程.
  const open = page
    .locator("li[data-session]")
    .filter({ has: page.getByTestId("session-status").filter({ hasText: /^余 \d+$/ }) })
    .first();
  await expect(open).toBeVisible();
  const sessionId = (await open.getAttribute("data-session")) ?? "";
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`session ${sessionId} is not the bayberry festival's`);
  await open.locator("label").click();
  await expect(page.getByRole("region", { name: "选择票种与数量" })).toBeVisible();
  const add = page.getByRole("link", { name: "加入我的行程" });
  await expect(add).toHaveAttribute("href", new RegExp(`/trips\\?add=session:${sessionId}$`));
  // Clear of the booking bar fixed at the bottom of the screen.
  await add.evaluate((link) => link.scrollIntoView({ block: "center" }));
  await add.click();

  await expect(page).toHaveURL(/\/trips$/);
  const day = page.locator(`[data-trip-day="${dateOf(session.startsAt)}"]`);
  await expect(day.locator('[data-trip-item="session"]')).toHaveCount(1);
  await expect(page.locator("[data-trip-item]")).toHaveCount(1);
  // Kept in this browser: a reload still has it, and adds it no second time.
  await page.reload();
  await expect(day.locator('[data-trip-item="session"]')).toHaveCount(1);
});
