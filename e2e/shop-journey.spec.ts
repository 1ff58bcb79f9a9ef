import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { DEMO_PASSWORD, signIn, storageStateFor } from "./support";

type FestivalApi = {
  slug: string;
  ticketTypes: { id: string; name: { zh: string } }[];
  sessions: { id: string; startsAt: string }[];
};

// The shop's whole journey, as the issue states it: a farmer lists a product with
// a photo and publishes it; a visitor buys it with a festival ticket in one
// checkout, to be picked up at that session's gate; the farmer sees only that
// line and marks it ready; another farmer cannot see it.
test("a farmer lists produce, a visitor buys it with a ticket for pickup at the gate, and only that farmer handles it", async ({
  browser,
  request,
}) => {
  const stamp = Date.now().toString(36);
  const name = `测试东魁杨梅 ${stamp}`;
  const photo = path.join(mkdtempSync(path.join(tmpdir(), "shop-e2e-")), "bayberries.png");
  writeFileSync(
    photo,
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#9b1c31" } })
      .png()
      .toBuffer(),
  );

  // ── The farmer lists the product, on a phone ──
  const farmerContext = await browser.newContext({
    storageState: storageStateFor("farmer"),
    viewport: { width: 390, height: 844 },
  });
  const farmer = await farmerContext.newPage();
  await farmer.goto("/farmer");
  await farmer.getByRole("link", { name: "我的商品" }).click();
  await farmer.getByRole("link", { name: "新增商品" }).click();
  await farmer.getByLabel("中文名称").fill(name);
  await farmer.getByLabel("英文名称").fill(`Test Dongkui bayberries ${stamp}`);
  await farmer.getByLabel("单价（元）").fill("88");
  await farmer.getByLabel("库存数量").fill("20");
  await farmer.getByLabel("在节庆入口自提").check();
  await farmer.getByLabel("商品照片").setInputFiles(photo);
  await expect(farmer.getByTestId("photo-preview")).toHaveCount(1);
  await farmer.getByRole("button", { name: "保存" }).click();
  await expect(farmer).toHaveURL(/\/farmer\/products\/[^/]+$/);
  await farmer.getByRole("button", { name: "上架" }).click();
  await expect(farmer.getByRole("status")).toHaveText("已上架，游客现在可以看到。");
  const productPath = await farmer.getByRole("link", { name: "查看商品页" }).getAttribute("href");
  expect(productPath).toMatch(/^\/shop\/products\/test-dongkui-bayberries-/);
  const productId = farmer.url().split("/").pop() ?? "";

  // ── The visitor buys a ticket and the product in one checkout ──
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  // A session of the first day (shown without choosing a day); other journeys buy a few seats of it too.
  const session = bayberry?.sessions[1];
  const entry = bayberry?.ticketTypes[0];
  if (!session || !entry) throw new Error("the seed's bayberry festival has too few sessions");
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/festivals/bayberry-festival");
  await visitor.locator(`[data-session="${session.id}"] label`).click();
  await visitor.getByRole("button", { name: `增加 ${entry.name.zh}` }).click();
  await visitor.getByRole("button", { name: "加入购物篮" }).click();

  await visitor.goto(productPath ?? "");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(visitor.getByRole("img", { name: new RegExp(name) }).first()).toBeVisible();
  await visitor.getByRole("button", { name: "加入购物篮" }).click();
  await visitor.getByRole("link", { name: "去结算 →" }).click();

  await expect(visitor).toHaveURL(/\/checkout$/);
  await expect(visitor.locator("[data-basket-line]")).toHaveCount(2);
  const group = visitor.locator("[data-workshop-group]");
  await group.getByLabel("在节庆入口自提").check();
  await expect(group.getByRole("combobox")).toHaveValue(session.id);
  await visitor.getByLabel("姓名").fill("工坊游客");
  await visitor.getByLabel("手机号").fill("13700006262");
  await visitor.getByLabel("电子邮箱").fill("shop-journey@example.com");
  await visitor.getByLabel("我已阅读并同意《隐私政策》").check();
  await visitor.getByRole("button", { name: "提交订单并支付" }).click();
  await expect(visitor).toHaveURL(/\/orders\/[^?]+\?token=/);
  const code = ((await visitor.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("订单 ", "").trim();
  await visitor.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(visitor.getByTestId("order-status")).toHaveText("已支付");
  await expect(visitor.locator("[data-ticket]")).toHaveCount(1);
  await expect(visitor.getByTestId("part-status")).toHaveText("已支付，等待打包");
  await expect(visitor.locator("[data-farmer-part]")).toContainText(/入口自提/);

  // ── The farmer sees only that line and marks it ready ──
  await farmer.goto("/farmer/orders");
  const lines = farmer.locator(`[data-order-line="${code}"]`);
  await expect(lines).toHaveCount(1);
  await expect(lines).toContainText(name);
  await expect(lines).toContainText("工坊游客");
  await lines.getByRole("button", { name: "标记可取货" }).click();
  await expect(lines.getByRole("status")).toContainText("可取货");
  await visitor.reload();
  await expect(visitor.getByTestId("part-status")).toHaveText("可以取货了");

  // ── Another farmer sees none of it ──
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, "farmer.wang@suoqian.test", DEMO_PASSWORD);
  await expect(other).toHaveURL(/\/farmer$/);
  await other.goto("/farmer/orders?status=all");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("订单与打包");
  await expect(other.locator(`[data-order-line="${code}"]`)).toHaveCount(0);
  const csv = await other.request.get("/api/farmer/orders.csv?status=all");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(code);
  const foreign = await other.goto(`/farmer/products/${productId}`);
  expect(foreign?.status()).toBe(404);

  await Promise.all([farmerContext.close(), visitorContext.close(), otherContext.close()]);
});
