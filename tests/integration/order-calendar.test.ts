import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));

import { GET } from "../../app/api/orders/[id]/calendar/route";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

async function paidOrder() {
  const sale = await createSaleFixture(db, { capacity: 10 });
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 2 }],
      customer: buyer(9101),
    },
    { userId: null, locale: "zh-CN" },
  );
  await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  return created;
}

const get = (id: string, init: { query?: string; headers?: Record<string, string> } = {}) =>
  GET(new Request(`http://127.0.0.1:3000/api/orders/${id}/calendar${init.query ?? ""}`, { headers: init.headers }), {
    params: Promise.resolve({ id }),
  });

describe("the order's calendar file", () => {
  it("opens with Authorization: Bearer, as the order does, and carries no secret", async () => {
    const { order, accessToken } = await paidOrder();
    const answer = await get(order.id, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await answer.text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).not.toContain(accessToken);
    expect(ics).not.toMatch(/token/i);
    expect(ics.replace(/\r\n /g, "")).toContain(`URL:http://127.0.0.1:3000/orders/${order.id}\r\n`);
  });

  it("still opens with ?token=, and is 'not found' without the token or with a wrong one", async () => {
    const { order, accessToken } = await paidOrder();
    expect((await get(order.id, { query: `?token=${accessToken}` })).status).toBe(200);
    expect((await get(order.id)).status).toBe(404);
    expect((await get(order.id, { headers: { authorization: "Bearer nope" } })).status).toBe(404);
    expect((await get(order.id, { headers: { authorization: `Basic ${accessToken}` } })).status).toBe(404);
  });
});
