import { expect, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";

test.describe("the festival and orders API", () => {
  test("lists festivals with live seats, places an order that holds them, and reads it back with its token", async ({
    request,
  }) => {
    const { festivals } = await (await request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    expect(bayberry.ticketTypes.length).toBeGreaterThanOrEqual(2);
    const session = bayberry.sessions.at(-1);
    const before = session.remaining;
    const created = await request.post("/api/orders", {
      data: {
        items: [{ kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId: session.id, quantity: 2 }],
        customer: { name: "接口测试", phone: "13900002222", email: "api@example.com" },
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
    });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body.order.totalCents).toBe(2 * bayberry.ticketTypes[0].priceCents);
    const after = (await (await request.get("/api/festivals")).json()).festivals
      .find((f: { slug: string }) => f.slug === "bayberry-festival")
      .sessions.find((s: { id: string }) => s.id === session.id);
    expect(after.remaining).toBe(before - 2 * bayberry.ticketTypes[0].admissions);
    const read = await request.get(`/api/orders/${body.order.id}`, {
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(read.status()).toBe(200);
    expect((await read.json()).order.status).toBe("pending");
    expect((await request.get(`/api/orders/${body.order.id}`)).status()).toBe(404);
  });

  test("answers bad requests with 4xx, never 500", async ({ request }) => {
    const malformed = await request.post("/api/orders", {
      data: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    const oversized = await request.post("/api/orders", { data: { pad: "x".repeat(40_000) } });
    expect(oversized.status()).toBe(413);
    const english = await request.post("/api/orders", { data: { items: [] }, headers: { "accept-language": "en" } });
    expect(english.status()).toBe(400);
    expect((await english.json()).fields.items).toBe("An order has 1 to 20 items.");
  });
});
