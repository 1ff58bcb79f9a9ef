import { afterAll, describe, expect, it } from "vitest";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { createOrder, HOLD_MINUTES } from "../../modules/orders/create-order";
import { markOrderPaid, type PaymentNotice } from "../../modules/orders/mark-order-paid";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

async function order(typeId: string, sessionId: string, quantity: number) {
  const created = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId: typeId, sessionId, quantity }], customer },
    { userId: null, locale: "zh-CN" },
  );
  return created.order;
}

const notice = (o: { id: string; totalCents: number }, eventId = `evt_${Math.random()}`): PaymentNotice => ({
  orderId: o.id,
  provider: "DEMO",
  providerRef: `demo_${o.id}`,
  amountCents: o.totalCents,
  currency: "CNY",
  eventId,
});

const seats = async (sessionId: string) =>
  (await db.festivalSession.findUniqueOrThrow({ where: { id: sessionId } })).reserved;

describe("an order becoming paid", () => {
  it("issues one e-ticket per admission and keeps the held seats", async () => {
    const { family, session } = await createSaleFixture(db, { capacity: 20 });
    const o = await order(family.id, session.id, 2);
    expect(await markOrderPaid(notice(o))).toEqual({ result: "paid", tickets: 6 });
    const paid = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { tickets: true, holds: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.tickets).toHaveLength(6);
    expect(new Set(paid.tickets.map((t) => t.code)).size).toBe(6);
    expect(paid.tickets.reduce((sum, t) => sum + t.priceCents, 0)).toBe(2 * family.priceCents);
    expect(paid.holds.every((h) => h.status === "CONVERTED")).toBe(true);
    expect(await seats(session.id)).toBe(6);
    // A paid order's seats are not released when its hold time passes.
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 5) * 60_000), { sessionIds: [session.id] });
    expect(await seats(session.id)).toBe(6);
  });

  it("changes the order once when the same event arrives ten times, even at once", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 20 });
    const o = await order(single.id, session.id, 2);
    const n = notice(o, `evt_repeat_${o.id}`);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => markOrderPaid(n)));
    expect(outcomes.filter((x) => x.result === "paid")).toHaveLength(1);
    expect(outcomes.filter((x) => x.result === "duplicate")).toHaveLength(9);
    expect(await db.ticket.count({ where: { orderId: o.id } })).toBe(2);
    expect(await markOrderPaid(notice(o, `evt_other_${o.id}`))).toEqual({ result: "already_paid" });
    expect(await db.ticket.count({ where: { orderId: o.id } })).toBe(2);
  });

  it("takes the seats again when paid after the hold expired, if they are still free", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 5 });
    const o = await order(single.id, session.id, 3);
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { sessionIds: [session.id] });
    expect(await seats(session.id)).toBe(0);
    expect(await markOrderPaid(notice(o))).toEqual({ result: "paid", tickets: 3 });
    expect(await seats(session.id)).toBe(3);
  });

  it("never sells a seat twice: paid after expiry with the seats gone means a refund", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 3 });
    const late = await order(single.id, session.id, 3);
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { sessionIds: [session.id] });
    const other = await order(single.id, session.id, 3);
    expect(await markOrderPaid(notice(other))).toMatchObject({ result: "paid" });
    const n = notice(late, `evt_late_${late.id}`);
    expect(await markOrderPaid(n)).toEqual({ result: "refund_needed", reason: "sold_out" });
    expect(await markOrderPaid(n)).toEqual({ result: "duplicate" });
    expect(await seats(session.id)).toBe(3);
    expect((await db.order.findUniqueOrThrow({ where: { id: late.id } })).status).toBe("EXPIRED");
    expect(await db.ticket.count({ where: { orderId: late.id } })).toBe(0);
    expect((await db.payment.findFirstOrThrow({ where: { orderId: late.id } })).status).toBe("SUCCEEDED");
  });

  it("does not accept a payment of the wrong amount", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 5 });
    const o = await order(single.id, session.id, 1);
    expect(await markOrderPaid({ ...notice(o), amountCents: 1 })).toEqual({
      result: "refund_needed",
      reason: "amount_mismatch",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PENDING");
  });
});
