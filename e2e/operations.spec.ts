import { expect, test } from "@playwright/test";

// The production build (npm start on an empty data dir) finds its migrations folder and
// reports the database it just migrated as current.
test("the health check of a freshly started app is ok, with no migrations pending", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
});
