import { expect, test } from "@playwright/test";

// The home page as a phone shows it: the next festival with its countdown and seats, what
// is in season, and three routes each drawn from its own path (no map, no tiles).
test.use({ viewport: { width: 390, height: 844 } });

test("the home page shows the next festival with a countdown and seats, and three routes drawn from their paths", async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/");
  const festival = page.getByTestId("next-festival");
  await expect(festival.getByTestId("countdown")).toHaveText(/^(还有 \d+ 天开幕|正在举行)$/);
  await expect(festival.getByTestId("weekend-seats")).toHaveText(/余 \d+ 座$/);
  await expect(festival.getByRole("link")).toHaveAttribute("href", /^\/festivals\/[a-z0-9-]+$/);
  await expect(page.getByTestId("season-strip")).toBeVisible();

  const routes = page.locator("[data-home-route]");
  await expect(routes).toHaveCount(3);
  for (const route of await routes.all()) {
    await expect(route).toHaveAttribute("href", /^\/routes\/[a-z0-9-]+$/);
    const points = (await route.locator("svg[data-route-shape] polyline").getAttribute("points")) ?? "";
    expect(points.split(" ").length).toBeGreaterThanOrEqual(2);
    expect(await route.locator("svg[data-route-shape] circle").count()).toBeGreaterThanOrEqual(2);
  }
  // Three different shapes: each is drawn from its own route.
  const shapes = await routes
    .locator("svg polyline")
    .evaluateAll((lines) => lines.map((l) => l.getAttribute("points")));
  expect(new Set(shapes).size).toBe(3);
  expect(scripts.some((url) => /leaflet/i.test(url))).toBe(false);
  await expect(page.locator(".leaflet-container")).toHaveCount(0);

  await routes.first().click();
  await expect(page).toHaveURL(/\/routes\/[a-z0-9-]+$/);
});
