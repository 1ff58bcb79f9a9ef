import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});

import { festivalScope } from "../../modules/auth/festival-scope";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { cancelBookingAction, resendConfirmationAction, retryRefundAction } from "../../modules/bookings/actions";
import { findBooking } from "../../modules/bookings/queries";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// An order may hold tickets of two festivals. Each festival's organiser sees and
// refunds only their own part of it, whatever ids they send, in both directions.

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

type Sale = Awaited<ReturnType<typeof createSaleFixture>>;
let cherry: Sale;
let bayberry: Sale;
let cherryOrganiser: CurrentUser;
let bayberryOrganiser: CurrentUser;

async function organiserOf(sale: Sale, name: string): Promise<CurrentUser> {
  const user = await db.user.create({
    data: { email: `${name}-${Date.now()}@example.com`, name, passwordHash: "x", role: "ORGANISER" },
    select: { id: true, email: true, name: true, role: true },
  });
  await db.festivalOrganiser.create({ data: { festivalId: sale.festival.id, userId: user.id } });
  return user;
}

/** A paid order of two cherry and two bayberry tickets. */
async function mixedOrder(n: number) {
  const created = await createOrder(
    {
      items: [
        { kind: "ticket", ticketTypeId: cherry.single.id, sessionId: cherry.session.id, quantity: 2 },
        { kind: "ticket", ticketTypeId: bayberry.single.id, sessionId: bayberry.session.id, quantity: 2 },
      ],
      customer: buyer(n),
    },
    { userId: null, locale: "zh-CN" },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: created.order.id } });
  expect(await payDemo(order)).toMatchObject({ result: "paid" });
  const tickets = await db.ticket.findMany({ where: { orderId: order.id }, orderBy: { code: "asc" } });
  return {
    id: order.id,
    cherry: tickets.filter((t) => t.sessionId === cherry.session.id),
    bayberry: tickets.filter((t) => t.sessionId === bayberry.session.id),
  };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const idle = { status: "idle" } as const;
const statuses = async (orderId: string) =>
  Object.fromEntries(
    (await db.ticket.findMany({ where: { orderId }, select: { id: true, status: true } })).map((t) => [t.id, t.status]),
  );

beforeAll(async () => {
  cherry = await createSaleFixture(db, { capacity: 50, startsInHours: 72 });
  bayberry = await createSaleFixture(db, { capacity: 50, startsInHours: 72 });
  cherryOrganiser = await organiserOf(cherry, "cherry-organiser");
  bayberryOrganiser = await organiserOf(bayberry, "bayberry-organiser");
});

describe.each([
  ["cherry", () => cherryOrganiser, "cherry", "bayberry"],
  ["bayberry", () => bayberryOrganiser, "bayberry", "cherry"],
] as const)("the %s festival's organiser", (_name, organiser, mine, theirs) => {
  it("cannot cancel or refund the other festival's tickets of a shared order by naming them", async () => {
    const order = await mixedOrder(mine === "cherry" ? 8101 : 8201);
    signedIn.mockResolvedValue(organiser());
    const before = await statuses(order.id);
    const answer = await cancelBookingAction(
      idle,
      form({ orderId: order.id, scope: "chosen", tickets: order[theirs].map((t) => t.id).join(",") }),
    );
    expect(answer).toMatchObject({ status: "error" });
    // Mixed with one of their own: refused whole, nothing changes.
    const mixed = await cancelBookingAction(
      idle,
      form({ orderId: order.id, scope: "chosen", tickets: [order[mine][0]?.id, order[theirs][0]?.id].join(",") }),
    );
    expect(mixed).toMatchObject({ status: "error" });
    expect(await statuses(order.id)).toEqual(before);
    expect(await db.refund.count({ where: { payment: { orderId: order.id } } })).toBe(0);
  });

  it("refunds with scope=all only their own festival's tickets, and the log says so", async () => {
    const order = await mixedOrder(mine === "cherry" ? 8102 : 8202);
    signedIn.mockResolvedValue(organiser());
    const answer = await cancelBookingAction(idle, form({ orderId: order.id, scope: "all", reason: "rain" }));
    expect(answer).toMatchObject({ status: "success", data: { status: "PARTIALLY_REFUNDED", tickets: 2 } });
    const after = await statuses(order.id);
    for (const t of order[mine]) expect(after[t.id]).toBe("REFUNDED");
    for (const t of order[theirs]) expect(after[t.id]).toBe("VALID");
    const refunds = await db.refund.findMany({ where: { payment: { orderId: order.id } } });
    expect(refunds.map((r) => r.amountCents)).toEqual([2 * 8800]);
    const entries = await db.auditLog.findMany({ where: { entityId: order.id } });
    expect(entries).toEqual([
      expect.objectContaining({
        action: "booking.refund",
        actorId: organiser().id,
        festivalId: (mine === "cherry" ? cherry : bayberry).festival.id,
      }),
    ]);
  });

  it("sees only their own part of a shared order, and of its refunds", async () => {
    const order = await mixedOrder(mine === "cherry" ? 8103 : 8203);
    // The other organiser refunds their tickets first.
    signedIn.mockResolvedValue(mine === "cherry" ? bayberryOrganiser : cherryOrganiser);
    expect(await cancelBookingAction(idle, form({ orderId: order.id, scope: "all" }))).toMatchObject({
      status: "success",
    });
    const view = await findBooking(order.id, await festivalScope(organiser()));
    expect(view?.tickets.map((t) => t.id).sort()).toEqual(order[mine].map((t) => t.id).sort());
    expect(view?.items).toHaveLength(1);
    expect(view?.totalCents).toBe(2 * 8800);
    expect(view?.payments).toEqual([]);
    expect(view?.refunds).toEqual([]);
    // Their refund retry cannot reach the other festival's refund.
    const [refund] = await db.refund.findMany({ where: { payment: { orderId: order.id } } });
    signedIn.mockResolvedValue(organiser());
    expect(await retryRefundAction(idle, form({ orderId: order.id, refundId: refund?.id ?? "" }))).toMatchObject({
      status: "error",
    });
    // An admin sees the whole order.
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    const whole = await findBooking(order.id, await festivalScope(admin));
    expect(whole?.tickets).toHaveLength(4);
    expect(whole?.refunds).toHaveLength(1);
  });
});

describe("organisers and orders outside their festivals", () => {
  it("answer 'not found' for an order with none of their tickets, and change nothing", async () => {
    const created = await createOrder(
      {
        items: [{ kind: "ticket", ticketTypeId: bayberry.single.id, sessionId: bayberry.session.id, quantity: 1 }],
        customer: buyer(8301),
      },
      { userId: null, locale: "zh-CN" },
    );
    const order = await db.order.findUniqueOrThrow({ where: { id: created.order.id } });
    await payDemo(order);
    signedIn.mockResolvedValue(cherryOrganiser);
    for (const action of [
      cancelBookingAction(idle, form({ orderId: order.id, scope: "all" })),
      resendConfirmationAction(idle, form({ orderId: order.id })),
    ]) {
      expect(await action).toMatchObject({ status: "error", message: "找不到该内容，可能已被删除。" });
    }
    expect(await findBooking(order.id, await festivalScope(cherryOrganiser))).toBeNull();
    expect(await db.ticket.count({ where: { orderId: order.id, status: "VALID" } })).toBe(1);
    expect(await db.email.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("may not cancel a pending order that also holds another festival's tickets", async () => {
    const created = await createOrder(
      {
        items: [
          { kind: "ticket", ticketTypeId: cherry.single.id, sessionId: cherry.session.id, quantity: 1 },
          { kind: "ticket", ticketTypeId: bayberry.single.id, sessionId: bayberry.session.id, quantity: 1 },
        ],
        customer: buyer(8302),
      },
      { userId: null, locale: "zh-CN" },
    );
    signedIn.mockResolvedValue(cherryOrganiser);
    expect(await cancelBookingAction(idle, form({ orderId: created.order.id, scope: "all" }))).toMatchObject({
      status: "error",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: created.order.id } })).status).toBe("PENDING");
  });
});
