import { afterAll, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { createOrderResponse, MAX_ORDER_BODY_BYTES, orderResponse } from "../../modules/orders/api";
import { HOLD_MINUTES } from "../../modules/orders/create-order";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

// Buyers who proved their numbers: seats, prices and tokens are what is tested here
// (unproven numbers: phone-verification.test.ts).
const caller = {
  locale: "zh-CN" as const,
  userId: null,
  address: "127.0.0.1",
  provenPhones: { has: () => true },
};

/** Posts an order as checkout does, the buyer having agreed to the privacy notice. */
function post(body: unknown, raw?: string) {
  const consented =
    body && typeof body === "object" && !Array.isArray(body)
      ? { privacyConsent: PRIVACY_NOTICE_VERSION, ...body }
      : body;
  return createOrderResponse(
    new Request("http://127.0.0.1/api/orders", { method: "POST", body: raw ?? JSON.stringify(consented) }),
    caller,
  );
}

const ticket = (ticketTypeId: string, sessionId: string, quantity: number) => ({
  kind: "ticket",
  ticketTypeId,
  sessionId,
  quantity,
});

describe("placing orders for a timed session", () => {
  it("holds exactly the capacity when more buyers than seats arrive at once, and refuses only the excess", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 100 });
    const responses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => post({ items: [ticket(single.id, session.id, 1)], customer: buyer(i) })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    const refused = await responses.find((r) => r.status === 409)?.json();
    expect(refused).toMatchObject({
      error: "sold_out",
      sessions: [{ sessionId: session.id, requested: 1, remaining: 0 }],
    });
    const after = await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.reserved).toBe(100);
    expect(
      await db.hold.aggregate({ where: { sessionId: session.id, status: "ACTIVE" }, _sum: { quantity: true } }),
    ).toEqual({
      _sum: { quantity: 100 },
    });
  }, 120_000);

  it("fills the last seats with the orders that fit when big and small orders arrive together", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 10 });
    const first = await post({ items: [ticket(single.id, session.id, 7)], customer: buyer(1) });
    expect(first.status).toBe(201);
    // Three seats left; these arrive at the same moment (and go in one transaction).
    const [five, one, two] = await Promise.all(
      [5, 1, 2].map((n) => post({ items: [ticket(single.id, session.id, n)], customer: buyer(n + 10) })),
    );
    expect([five?.status, one?.status, two?.status]).toEqual([409, 201, 201]);
    expect(await five?.json()).toMatchObject({ sessions: [{ sessionId: session.id, requested: 5 }] });
    const after = await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.reserved).toBe(10);
    const held = await db.hold.aggregate({
      where: { sessionId: session.id, status: "ACTIVE" },
      _sum: { quantity: true },
    });
    expect(held._sum.quantity).toBe(10);
    expect(await db.order.count({ where: { items: { some: { sessionId: session.id } } } })).toBe(3);
  });

  it("holds an order over two sessions wholly or not at all, next to other buyers", async () => {
    const a = await createSaleFixture(db, { capacity: 4 });
    const b = await db.festivalSession.create({
      data: { festivalId: a.festival.id, startsAt: a.session.startsAt, endsAt: a.session.endsAt, capacity: 1 },
    });
    const both = (n: number) => ({
      items: [ticket(a.single.id, a.session.id, n), ticket(a.single.id, b.id, n)],
      customer,
    });
    // Whatever order they arrive in: two seats of b never fit, the others always do.
    const [tooMany, fits, onlyA] = await Promise.all([
      post(both(2)),
      post(both(1)),
      post({ items: [ticket(a.single.id, a.session.id, 2)], customer }),
    ]);
    expect([tooMany.status, fits.status, onlyA.status]).toEqual([409, 201, 201]);
    expect((await tooMany.json()).sessions).toContainEqual(expect.objectContaining({ sessionId: b.id, requested: 2 }));
    const seats = await db.festivalSession.findMany({ where: { id: { in: [a.session.id, b.id] } } });
    expect(Object.fromEntries(seats.map((s) => [s.id, s.reserved]))).toEqual({ [a.session.id]: 3, [b.id]: 1 });
  });

  it("counts a family ticket as three seats and never splits an order", async () => {
    const { single, family, session } = await createSaleFixture(db, { capacity: 10 });
    const first = await post({ items: [ticket(family.id, session.id, 3)], customer });
    expect(first.status).toBe(201);
    const tooMany = await post({
      items: [ticket(family.id, session.id, 1), ticket(single.id, session.id, 1)],
      customer,
    });
    expect(tooMany.status).toBe(409);
    expect((await tooMany.json()).sessions).toEqual([{ sessionId: session.id, requested: 4, remaining: 1 }]);
    expect((await post({ items: [ticket(single.id, session.id, 1)], customer })).status).toBe(201);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved).toBe(10);
  });

  it("takes prices from the database, whatever the request says", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 10 });
    const response = await post({
      items: [{ ...ticket(single.id, session.id, 2), priceCents: 1 }],
      customer,
      totalCents: 1,
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.order).toMatchObject({ status: "pending", totalCents: 17_600, currency: "CNY" });
    expect(body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    // The browser follows a path on the address it is on; API clients also get the site's address.
    expect(body.paymentPath).toBe(`/orders/${body.order.id}?token=${body.accessToken}`);
    expect(body.paymentUrl).toBe(`${env.siteUrl}/orders/${body.order.id}?token=${body.accessToken}`);
    expect(new Date(body.order.expiresAt).getTime() - Date.now()).toBeGreaterThan((HOLD_MINUTES - 1) * 60_000);
  });

  it("gives expired holds back once, with no manual step", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 5 });
    const body = await (await post({ items: [ticket(single.id, session.id, 5)], customer })).json();
    expect((await post({ items: [ticket(single.id, session.id, 1)], customer })).status).toBe(409);
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    expect(await releaseExpiredHolds(later, { sessionIds: [session.id] })).toBe(1);
    expect(await releaseExpiredHolds(later, { sessionIds: [session.id] })).toBe(0);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: body.order.id } })).status).toBe("EXPIRED");
  });

  it("refuses a session that is not on sale", async () => {
    const closed = await createSaleFixture(db, { capacity: 5, salesOpen: false });
    const response = await post({ items: [ticket(closed.single.id, closed.session.id, 1)], customer });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe("not_on_sale");
  });
});

describe("bad orders", () => {
  it("get a 4xx with a clear message, and write nothing", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 5 });
    const other = await createSaleFixture(db, { capacity: 5 });
    const orders = await db.order.count();
    const cases: [unknown, number, Record<string, string> | null][] = [
      [
        { items: [ticket(single.id, session.id, -1)], customer },
        400,
        { "items.0.quantity": "数量须为 1 到 50 之间的整数。" },
      ],
      [
        { items: [ticket(single.id, session.id, 1e9)], customer },
        400,
        { "items.0.quantity": "数量须为 1 到 50 之间的整数。" },
      ],
      [{ items: [ticket(single.id, session.id, 1.5)], customer }, 400, null],
      [{ items: [{ kind: "hotel", id: "x", quantity: 1 }], customer }, 400, null],
      [{ items: [], customer }, 400, { items: "订单须包含 1 到 20 项。" }],
      [
        { items: [ticket("nope", session.id, 1)], customer },
        400,
        { "items.0.ticketTypeId": "没有这个票种，或它已停售。" },
      ],
      [{ items: [ticket(single.id, "nope", 1)], customer }, 400, { "items.0.sessionId": "没有这个场次。" }],
      [
        { items: [ticket(single.id, other.session.id, 1)], customer },
        400,
        { "items.0.sessionId": "该场次不属于这个票种的节庆。" },
      ],
      [{ items: [ticket(single.id, session.id, 11)], customer }, 400, { items: "超过了每单可购买的数量。" }],
      [
        { items: [ticket(single.id, session.id, 1)], customer: { ...customer, phone: "12345" } },
        400,
        { "customer.phone": "请输入 11 位中国大陆手机号，例如 13812345678。" },
      ],
      [{ items: [ticket(single.id, session.id, 1)] }, 400, null],
      [[1, 2, 3], 400, null],
      [null, 400, null],
    ];
    for (const [body, status, fields] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      const answer = await response.json();
      expect(answer.error).toBe("invalid_request");
      expect(answer.message).toBeTruthy();
      if (fields) expect(answer.fields).toEqual(fields);
    }
    expect((await post(null, "{not json")).status).toBe(400);
    const huge = JSON.stringify({
      items: [ticket(single.id, session.id, 1)],
      customer,
      pad: "x".repeat(MAX_ORDER_BODY_BYTES),
    });
    expect((await post(null, huge)).status).toBe(413);
    expect(await db.order.count()).toBe(orders);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved).toBe(0);
  });
});

describe("reading an order", () => {
  it("needs its access token (or its owner), and otherwise looks like no order at all", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 5 });
    const body = await (await post({ items: [ticket(single.id, session.id, 2)], customer })).json();
    const read = (headers: Record<string, string>, query = "") =>
      orderResponse(body.order.id, new Request(`http://127.0.0.1/api/orders/${body.order.id}${query}`, { headers }), {
        locale: "en",
        userId: null,
      });
    const ok = await read({ authorization: `Bearer ${body.accessToken}` });
    expect(ok.status).toBe(200);
    expect((await ok.json()).order).toMatchObject({
      status: "pending",
      items: [{ quantity: 2, unitPriceCents: 8800 }],
      tickets: [],
    });
    expect((await read({}, `?token=${body.accessToken}`)).status).toBe(200);
    expect((await read({ authorization: "Bearer wrong" })).status).toBe(404);
    expect((await read({})).status).toBe(404);
  });
});
