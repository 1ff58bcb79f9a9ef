import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

// What's on: a visitor picks a month and sees the festival days, the seats left per
// session and the picking seasons, each linking to its page.

type Festival = { slug: string; sessions: { id: string; startsAt: string; remaining: number }[] };

/** The Suoqian date (UTC+8) of an instant: "2027-06-13". */
const suoqianDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

async function festival(request: APIRequestContext, slug: string) {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: Festival[] };
  const found = festivals.find((f) => f.slug === slug);
  if (!found?.sessions[0]) throw new Error(`${slug} has no sessions`);
  const first = found.sessions[0];
  const month = suoqianDate(first.startsAt).slice(0, 7);
  const days = [...new Set(found.sessions.map((s) => suoqianDate(s.startsAt)))].filter((d) => d.startsWith(month));
  return { first, month, days };
}

async function expectDays(page: Page, slug: string, days: string[], href: string) {
  const entries = page.locator(`[data-festival="${slug}"]`);
  await expect(entries).toHaveCount(days.length);
  for (const day of days) {
    const entry = page.locator(`[data-date="${day}"] [data-festival="${slug}"]`);
    await expect(entry).toBeVisible();
    await expect(entry.getByRole("link").first()).toHaveAttribute("href", href);
  }
}

test.describe("what's on", () => {
  test("the bayberry festival's first month lists its days with the seats left, linking to the festival", async ({
    page,
    request,
  }) => {
    const { first, month, days } = await festival(request, "bayberry-festival");
    await page.goto(`/calendar?month=${month}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("节庆与时令");
    await expectDays(page, "bayberry-festival", days, "/festivals/bayberry-festival");
    const session = page.locator(`[data-session="${first.id}"]`);
    await expect(session).toContainText(first.remaining === 0 ? "已售罄" : `余 ${first.remaining}`);
    // The bayberry harvest is in season that month too, linking to the product.
    await expect(page.locator('[data-season="product:dujia-zaose-bayberries"] a')).toHaveAttribute(
      "href",
      "/shop/products/dujia-zaose-bayberries",
    );

    await page.locator(`[data-date="${days[0]}"] [data-festival="bayberry-festival"] a`).first().click();
    await expect(page).toHaveURL(/\/festivals\/bayberry-festival$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/杨梅节/);
  });

  test("the cherry festival's month lists the cherry days", async ({ page, request }) => {
    const { month, days } = await festival(request, "cherry-festival");
    await page.goto(`/calendar?month=${month}`);
    await expectDays(page, "cherry-festival", days, "/festivals/cherry-festival");
  });

  test("the English page lists the same days, linking to the English festival page", async ({ page, request }) => {
    const { month, days } = await festival(request, "bayberry-festival");
    await page.goto(`/en/calendar?month=${month}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("What's on");
    await expectDays(page, "bayberry-festival", days, "/en/festivals/bayberry-festival");
    await expect(page.locator('[data-festival="bayberry-festival"]').first()).toContainText("Dujia Bayberry Festival");
  });

  test("moves between months through the URL, and a bad month falls back to this one", async ({ page, request }) => {
    const { month } = await festival(request, "bayberry-festival");
    await page.goto(`/calendar?month=${month}`);
    const shown = await page.getByTestId("calendar-month").textContent();
    await page.getByRole("navigation", { name: "选择月份" }).locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/\/calendar\?month=\d{4}-\d{2}$/);
    await expect(page.getByTestId("calendar-month")).not.toHaveText(shown ?? "");

    for (const bad of ["2027-13", "june", "1999-12", "%E4%B8%AD"]) {
      const response = await page.goto(`/calendar?month=${bad}`);
      expect(response?.status(), bad).toBe(200);
      const now = new Date(Date.now() + 8 * 3600_000);
      await expect(page.getByTestId("calendar-month")).toHaveText(
        `${now.getUTCFullYear()}年${now.getUTCMonth() + 1}月`,
      );
    }
  });

  test("names its language versions, x-default, and itself as canonical", async ({ page }) => {
    const href = async (selector: string) =>
      new URL((await page.locator(selector).getAttribute("href")) ?? "http://x/").pathname;
    await page.goto("/calendar");
    expect(await href('link[rel="canonical"]')).toBe("/calendar");
    expect(await href('link[rel="alternate"][hreflang="en"]')).toBe("/en/calendar");
    expect(await href('link[rel="alternate"][hreflang="x-default"]')).toBe("/calendar");
    await page.goto("/en/calendar");
    expect(await href('link[rel="canonical"]')).toBe("/en/calendar");
    expect(await href('link[rel="alternate"][hreflang="zh-CN"]')).toBe("/calendar");
  });

  test("the home page's season strip and the festivals page link to the calendar", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("season-strip").getByRole("link", { name: "全部节庆与时令 →" }).click();
    await expect(page).toHaveURL(/\/calendar$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("节庆与时令");

    await page.goto("/festivals");
    await page.getByRole("link", { name: "按月份看节庆与时令 →" }).click();
    await expect(page).toHaveURL(/\/calendar$/);
  });
});

test.describe("what's on, on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("lists the festival days by week, no wider than the screen, with no serious accessibility violation", async ({
    page,
    request,
  }) => {
    const { month, days } = await festival(request, "bayberry-festival");
    for (const path of [`/calendar?month=${month}`, `/en/calendar?month=${month}`, "/calendar"]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const severe = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
      expect(severe, path).toEqual([]);
      const width = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(width.viewport).toBe(390);
      expect(width.page, path).toBeLessThanOrEqual(width.viewport);
    }

    await page.goto(`/calendar?month=${month}`);
    // A list: week headings, and the festival days one under another, the full date readable.
    await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
    const day = page.locator(`[data-date="${days[0]}"]`);
    await expect(day.getByRole("heading", { level: 4 })).toBeVisible();
    await expect(day.locator('[data-festival="bayberry-festival"]')).toBeVisible();
    const second = days[1] ? await page.locator(`[data-date="${days[1]}"]`).boundingBox() : null;
    const firstBox = await day.boundingBox();
    if (second && firstBox) expect(second.y).toBeGreaterThan(firstBox.y);
  });
});
