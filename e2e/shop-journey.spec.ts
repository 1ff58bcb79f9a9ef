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
// a photo, previews it unlisted and publishes it; a visitor buys it with a festival
// ticket in one checkout, to be picked up at that session's gate; the farmer sees
// only that line, packs it and marks it ready (each step showing at once), and
// refunds part of it, which the buyer's order page shows; another farmer cannot
// see any of it.
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
  await expect(farmer).toHaveURL(/\/farmer\/products\/(?!new$)[^/]+$/);
  const productId = farmer.url().split("/").pop() ?? "";
  // The state is a badge, the action a button beside it; unlisted, the page link is the farmer's own preview.
  const publishing = farmer.getByTestId("product-publish");
  await expect(publishing.getByTestId("product-state")).toHaveText("未上架");
  await expect(publishing.getByRole("button", { name: "上架", exact: true })).toBeVisible();
  await expect(publishing.getByRole("link", { name: "查看商品页" })).toHaveCount(0);
  await publishing.getByRole("link", { name: "预览（仅自己可见）" }).click();
  await expect(farmer).toHaveURL(new RegExp(`/farmer/products/${productId}/preview$`));
  await expect(farmer.getByTestId("product-preview")).toContainText(name);
  await expect(farmer.getByRole("note")).toContainText("游客看不到");
  await expect(farmer.getByTestId("product-price")).toContainText("88");
  await farmer.getByRole("link", { name: "返回编辑" }).click();
  await expect(farmer).toHaveURL(new RegExp(`/farmer/products/${productId}$`));
  // A change of price is confirmed where it was made, and kept.
  await farmer.getByLabel("单价（元）").fill("86");
  await farmer.getByRole("button", { name: "保存" }).click();
  await expect(farmer.getByRole("status").filter({ hasText: "已保存。" })).toBeVisible();
  await farmer.reload();
  await expect(farmer.getByLabel("单价（元）")).toHaveValue(/^86(\.00)?$/);
  await publishing.getByRole("button", { name: "上架", exact: true }).click();
  await expect(publishing.getByRole("status")).toHaveText("已上架，游客现在可以看到。");
  await expect(publishing.getByTestId("product-state")).toHaveText("已上架");
  await expect(publishing.getByRole("button", { name: "下架" })).toBeVisible();
  const productPath = await publishing.getByRole("link", { name: "查看商品页" }).getAttribute("href");
  expect(productPath).toMatch(/^\/shop\/products\/test-dongkui-bayberries-/);

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

  // ── The farmer sees only that line, packs it and marks it ready: each step shows at once ──
  await farmer.goto("/farmer/orders");
  const lines = farmer.locator(`[data-order-line="${code}"]`);
  await expect(lines).toHaveCount(1);
  await expect(lines).toContainText(name);
  await expect(lines).toContainText("工坊游客");
  await expect(lines.getByTestId("line-status")).toHaveText("待打包");
  await lines.getByRole("button", { name: "标记已打包" }).click();
  await expect(lines.getByTestId("line-status")).toHaveText("已打包");
  await expect(lines.getByRole("button", { name: "标记已打包" })).toHaveCount(0);
  await lines.getByRole("button", { name: "标记可取货" }).click();
  await expect(lines.getByTestId("line-status")).toHaveText("可取货");
  await expect(lines.getByRole("button", { name: "标记已取货" })).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByTestId("part-status")).toHaveText("可以取货了");

  // ── The box weighed less: the farmer refunds part of the line, and the buyer's page says so ──
  await lines.getByRole("button", { name: "退款", exact: true }).click();
  await lines.getByLabel("按金额").check();
  await lines.getByLabel("退款金额（元）").fill("8.50");
  await lines.getByLabel("原因").selectOption("short_weight");
  await lines.getByLabel("说明（买家可见）").fill("称重少了一两");
  await lines.getByRole("button", { name: "确认退款" }).click();
  await expect(lines.getByText("已退款 ¥8.50。")).toBeVisible();
  await expect(lines.getByTestId("line-refund")).toContainText("¥8.50");
  await expect(lines.getByTestId("line-refund-state")).toHaveText("已退回");
  await expect(lines.getByTestId("line-refunded")).toContainText("已退 ¥8.50");
  await expect(lines.getByTestId("line-status")).toHaveText("可取货");
  await visitor.reload();
  await expect(visitor.getByTestId("order-status")).toHaveText("部分退款");
  const refund = visitor.getByTestId("line-refund");
  await expect(refund).toContainText(`${name}：退款 ¥8.50`);
  await expect(refund).toContainText("分量不足");
  await expect(refund).toContainText("称重少了一两");
  await expect(refund.getByTestId("line-refund-state")).toHaveText("已退回");

  // ── An admin sees the refund on the order's page and refunds one yuan more ──
  const orderId = new URL(visitor.url()).pathname.split("/").pop() ?? "";
  const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`/organiser/orders/${orderId}`);
  const adminLine = adminPage.locator("[data-admin-line]");
  await expect(adminLine.getByTestId("line-refund")).toContainText("¥8.50");
  await adminLine.getByRole("button", { name: "退款", exact: true }).click();
  await adminLine.getByLabel("按金额").check();
  await adminLine.getByLabel("退款金额（元）").fill("1");
  await adminLine.getByLabel("原因").selectOption("out_of_stock");
  await adminLine.getByRole("button", { name: "确认退款" }).click();
  await expect(adminLine.getByText("已退款 ¥1.00。")).toBeVisible();
  await expect(adminLine.getByTestId("line-refund")).toHaveCount(2);
  await visitor.reload();
  await expect(visitor.getByTestId("line-refund")).toHaveCount(2);
  await expect(visitor.getByTestId("line-refund").nth(1)).toContainText("缺货");
  // Admins may preview any product too.
  await adminPage.goto(`/farmer/products/${productId}/preview`);
  await expect(adminPage.getByTestId("product-preview")).toContainText(name);

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
  const foreignPreview = await other.goto(`/farmer/products/${productId}/preview`);
  expect(foreignPreview?.status()).toBe(404);
  const anonymous = await visitorContext.newPage();
  await anonymous.goto(`/farmer/products/${productId}/preview`);
  await expect(anonymous).toHaveURL(/\/sign-in/);

  await Promise.all([farmerContext.close(), visitorContext.close(), otherContext.close(), adminContext.close()]);
});
