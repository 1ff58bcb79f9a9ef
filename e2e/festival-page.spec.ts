import { expect, test } from "@playwright/test";
import { expectNoOverlap } from "./support";

type FestivalApi = {
  slug: string;
  ticketTypes: { id: string; name: { zh: string } }[];
  sessions: { id: string }[];
};

// The festival page as a phone shows it: a first screen that sells (a drawn banner, the
// price from, the seats left, the next sessions to tap) and a booking bar that stays in
// reach at the bottom while the visitor reads on, above the tab bar.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test("the first screen sells and a session tapped there is chosen; the booking bar stays in reach and books", async ({
  page,
  request,
}, testInfo) => {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: FestivalApi[] };
  const bayberry = festivals.find((f) => f.slug === "bayberry-festival");
  const entry = bayberry?.ticketTypes[0];
  if (!entry) throw new Error("the seed has no bayberry tickets");
  await page.goto("/festivals/bayberry-festival");

  const onFirstScreen = async (locator: ReturnType<typeof page.locator>) => {
    await expect(locator).toBeVisible();
    const box = await locator.boundingBox();
    expect(box?.y ?? 9999).toBeLessThan(844);
  };
  await onFirstScreen(page.getByTestId("festival-banner"));
  await onFirstScreen(page.getByRole("heading", { level: 1 }));
  await expect(page.getByTestId("from-price")).toHaveText(/^¥\d+(\.\d+)? 起$/);
  await onFirstScreen(page.getByTestId("from-price"));
  await expect(page.getByTestId("weekend-seats")).toHaveText(/余 \d+ 座$/);
  await onFirstScreen(page.getByTestId("weekend-seats"));
  const heroSession = page.locator("[data-hero-session]").first();
  await onFirstScreen(heroSession);
  const banner = await page.getByTestId("festival-banner").evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(banner).toBeGreaterThan(0);

  // Before a choice the bar offers the sessions, with the price from.
  const bar = page.getByTestId("booking-bar");
  await expect(bar).toBeVisible();
  await expect(bar).toContainText("起");
  // The first screen: the drawn banner under the header, and neither under the booking bar or the tab bar.
  await expectNoOverlap(page, [
    "header",
    '[data-testid="festival-banner"]',
    '[data-testid="booking-bar"]',
    'nav[aria-label="主导航"]',
  ]);
  await testInfo.attach("festival page, first screen", { body: await page.screenshot(), contentType: "image/png" });

  const sessionId = (await heroSession.getAttribute("data-hero-session")) ?? "";
  await heroSession.tap();
  const card = page.locator(`li[data-session="${sessionId}"]`);
  await expect(card.locator("input[type=radio]")).toBeChecked();
  await expect(bar.getByRole("button", { name: "立即预订" })).toBeDisabled();
  await page.getByRole("button", { name: `增加 ${entry.name.zh}` }).tap();
  await expect(bar.getByTestId("bar-total")).toHaveText(/^¥/);
  await expect(bar.getByRole("button", { name: "立即预订" })).toBeEnabled();
  await card.scrollIntoViewIfNeeded();
  await expectNoOverlap(page, [
    '[data-testid="booking-bar"]',
    'nav[aria-label="主导航"]',
    `li[data-session="${sessionId}"]`,
  ]);

  // Read on to the end: the bar is still there, above the tab bar.
  await page.getByRole("contentinfo").scrollIntoViewIfNeeded();
  await expect(bar).toBeInViewport();
  await expectNoOverlap(page, ['[data-testid="booking-bar"]', 'nav[aria-label="主导航"]']);
  await testInfo.attach("festival page, booking bar at the end of the page", {
    body: await page.screenshot(),
    contentType: "image/png",
  });

  await bar.getByRole("button", { name: "立即预订" }).tap();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.locator("[data-basket-line]")).toHaveCount(1);
});

test("the first screen stays put while the page finishes loading (the sessions are in the page's HTML, not streamed in after)", async ({
  page,
  request,
}) => {
  const html = await (await request.get("/festivals/bayberry-festival")).text();
  expect(html).toContain('data-testid="session-list"');
  expect(html).not.toMatch(/<div hidden id="S:\d+">(?:(?!<\/div>).)*data-testid="session-list"/s);
  await page.addInitScript(() => {
    const state = window as unknown as { shifted: number };
    state.shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.shifted += (entry as unknown as { value: number }).value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  // Seats answer late, as on a slow line.
  await page.route("**/api/festivals/bayberry-festival/availability", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto("/festivals/bayberry-festival");
  await expect(page.getByTestId("weekend-seats")).toHaveText(/座$/);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.05);
});
