import { expect, test } from "@playwright/test";

// Every answer names its request (x-request-id), the same id that is on the server's
// log lines for it: pages get it in proxy.ts, API answers in withRoute. A well-formed
// id sent by a proxy in front is kept, so one id follows the request through both.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.describe("request ids", () => {
  test("a page and an API answer each carry a new x-request-id", async ({ request }) => {
    const page = await request.get("/routes");
    expect(page.status()).toBe(200);
    const api = await request.get("/api/routes");
    expect(api.status()).toBe(200);
    const ids = [page.headers()["x-request-id"], api.headers()["x-request-id"]];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  test("a well-formed incoming x-request-id is echoed; a malformed one is replaced", async ({ request }) => {
    for (const path of ["/en/festivals", "/api/festivals", "/api/health"]) {
      const echoed = await request.get(path, { headers: { "x-request-id": "lb-e2e-7f3a" } });
      expect(echoed.headers()["x-request-id"], path).toBe("lb-e2e-7f3a");
      const replaced = await request.get(path, { headers: { "x-request-id": "<b>not an id</b>" } });
      expect(replaced.headers()["x-request-id"], path).toMatch(UUID);
    }
  });

  test("the page the browser opens carries it too", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.headers()["x-request-id"]).toMatch(UUID);
  });
});
