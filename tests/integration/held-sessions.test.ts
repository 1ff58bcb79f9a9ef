import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/api/account/ticket-sessions/route";
import { getCurrentUser } from "../../modules/auth/session";
import { heldSessions } from "../../modules/inventory/queries";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { createSaleFixture, createShopFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

async function ticketOrder(userId: string, sessionId: string, typeId: string, pay: boolean) {
  const created = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId: typeId, sessionId, quantity: 1 }], customer },
    { userId, locale: "zh-CN" },
  );
  if (pay) await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
}

describe("sessions a signed-in buyer holds tickets for", () => {
  it("are the coming ones with a paid, valid ticket, offered for gate pickup", async () => {
    const user = await db.user.create({
      data: { email: `held-${Date.now()}@example.com`, name: "持票人", passwordHash: "x", role: "VISITOR" },
    });
    const paid = await createSaleFixture(db, { capacity: 10 });
    const unpaid = await createSaleFixture(db, { capacity: 10 });
    const started = await createSaleFixture(db, { capacity: 10, startsInHours: 2 });
    await ticketOrder(user.id, paid.session.id, paid.single.id, true);
    await ticketOrder(user.id, unpaid.session.id, unpaid.single.id, false);
    await ticketOrder(user.id, started.session.id, started.single.id, true);

    // Two hours from now the third session has started: only the first is still to come.
    const later = new Date(Date.now() + 3 * 3600_000);
    expect((await heldSessions(user.id, later)).map((s) => s.id)).toEqual([paid.session.id]);
    expect((await heldSessions(user.id)).map((s) => s.id).sort()).toEqual([paid.session.id, started.session.id].sort());

    signedIn.mockResolvedValue({ id: user.id, email: user.email, name: user.name, role: "VISITOR" });
    const res = await GET(new Request("http://127.0.0.1/api/account/ticket-sessions"), {});
    expect(res.status).toBe(200);
    expect((await res.json()).sessions.map((s: { id: string }) => s.id)).toContain(paid.session.id);
    signedIn.mockResolvedValue(null);
    expect((await GET(new Request("http://127.0.0.1/api/account/ticket-sessions"), {})).status).toBe(401);

    // Such a session may be chosen for gate pickup without a ticket in the same order.
    const { products } = await createShopFixture(db, [{ pickupAtFestival: true }]);
    const order = await createOrder(
      {
        items: [
          {
            kind: "product",
            productId: products[0]?.id ?? "",
            quantity: 1,
            fulfilment: { method: "festival_pickup", sessionId: paid.session.id },
          },
        ],
        customer: { ...customer, phone: "13912345678" },
      },
      { userId: user.id, locale: "zh-CN" },
    );
    expect(order.order.status).toBe("pending");
  });
});
