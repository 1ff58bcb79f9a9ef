import { expect, test } from "@playwright/test";

// The catalogue pages are static and served from Next's cache (the editors expire them),
// in both languages: nothing on them (a layout's messages, say) may make them per request.
const CACHED = [
  "/routes",
  "/en/routes",
  "/routes/picking-bayberries-dujia",
  "/festivals",
  "/festivals/bayberry-festival",
  "/shop",
  "/shop/products/dujia-zaose-bayberries",
  "/trips",
];

for (const path of CACHED) {
  test(`${path} is served from the cache`, async ({ request }) => {
    await request.get(path);
    const again = await request.get(path);
    expect(again.status()).toBe(200);
    expect(again.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
  });
}
