import { expect, type Locator, test } from "@playwright/test";

// Issue 23: a product without a photo shows a drawing of its own kind of produce, marked
// as a drawing; the seed's citrus and strawberries (no photos) no longer share one picture.

const CITRUS = "xiangliwang-hongmeiren-citrus"; // 红美人柑橘
const STRAWBERRY = "aozhuangchen-first-crop-strawberries"; // 头茬草莓

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const drawingOf = (card: Locator) => card.locator("svg[data-produce-kind]");
const shapesOf = (drawing: Locator) => drawing.evaluate((svg) => svg.innerHTML);

test("the shop draws 红美人柑橘 as citrus and 头茬草莓 as a strawberry, each marked 插画", async ({ page }) => {
  await page.goto("/shop");
  const citrus = page.locator(`[data-product="${CITRUS}"]`);
  const strawberry = page.locator(`[data-product="${STRAWBERRY}"]`);
  await citrus.scrollIntoViewIfNeeded();
  await expect(citrus).toBeVisible();

  await expect(drawingOf(citrus)).toHaveAttribute("data-produce-kind", "citrus");
  await expect(drawingOf(strawberry)).toHaveAttribute("data-produce-kind", "strawberry");
  const [citrusShapes, strawberryShapes] = await Promise.all([
    shapesOf(drawingOf(citrus)),
    shapesOf(drawingOf(strawberry)),
  ]);
  expect(citrusShapes.length).toBeGreaterThan(200);
  expect(strawberryShapes.length).toBeGreaterThan(200);
  expect(citrusShapes).not.toBe(strawberryShapes);

  // Named as a drawing, not a photo, and badged so.
  await expect(citrus.getByRole("img", { name: "红美人柑橘（插画，农户尚未上传照片）" })).toBeVisible();
  await expect(strawberry.getByRole("img", { name: "头茬草莓（插画，农户尚未上传照片）" })).toHaveCount(1);
  await expect(citrus.getByText("插画", { exact: true })).toBeVisible();
  await expect(citrus.locator("img")).toHaveCount(0);
});

test("the shop's cards draw the seed's other produce by kind too, in English as in Chinese", async ({ page }) => {
  const expected: Record<string, string> = {
    "dujia-zaose-bayberries": "bayberry",
    "xiangliwang-cherries": "cherry",
    [CITRUS]: "citrus",
    [STRAWBERRY]: "strawberry",
    "sanquanwang-mingqian-longjing": "tea",
    "sanquanwang-dried-bamboo-shoots": "bamboo-shoot",
    "chuanfang-dried-bayberries": "preserves",
    "chuanfang-bayberry-wine": "fruit-wine",
    "chuanfang-meigancai-pork": "ready-meal",
  };
  for (const path of ["/shop", "/en/shop"]) {
    await page.goto(path);
    for (const [slug, kind] of Object.entries(expected)) {
      await expect(drawingOf(page.locator(`[data-product="${slug}"]`)), `${path} ${slug}`).toHaveAttribute(
        "data-produce-kind",
        kind,
      );
    }
  }
});

test("the product page shows the same drawing as its card", async ({ page }) => {
  await page.goto(`/shop/products/${STRAWBERRY}`);
  const drawing = page.getByRole("img", { name: "头茬草莓（插画，农户尚未上传照片）" });
  await expect(drawing).toBeVisible();
  await expect(drawing).toHaveAttribute("data-produce-kind", "strawberry");

  await page.goto(`/en/shop/products/${CITRUS}`);
  await expect(page.locator("svg[data-produce-kind]").first()).toHaveAttribute("data-produce-kind", "citrus");
});

test("the share image of a product drawn by kind still renders", async ({ page, request }) => {
  for (const slug of [CITRUS, STRAWBERRY]) {
    await page.goto(`/en/shop/products/${slug}`);
    const og = new URL((await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "x:");
    const image = await request.get(`${og.pathname}${og.search}`);
    expect(image.status(), slug).toBe(200);
    expect(image.headers()["content-type"]).toMatch(/^image\/png\b/);
  }
});
