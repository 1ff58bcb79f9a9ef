import { afterAll, describe, expect, it } from "vitest";
import { canManageOrder } from "../../modules/auth/festival-scope";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { createOrderResponse, orderResponse } from "../../modules/orders/api";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { HOLD_MINUTES } from "../../modules/orders/create-order";
import { markOrderPaid, type PaymentNotice } from "../../modules/orders/mark-order-paid";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture, createShopFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

// Buyers who proved their numbers: stock and fulfilment are what is tested here.
const caller = {
  locale: "zh-CN" as const,
  userId: null,
  address: "127.0.0.1",
  provenPhones: { has: () => true },
};
// As checkout posts it: the buyer has agreed to the privacy notice.
const post = (body: object) =>
  createOrderResponse(
    new Request("http://127.0.0.1/api/orders", {
      method: "POST",
      body: JSON.stringify({ privacyConsent: PRIVACY_NOTICE_VERSION, ...body }),
    }),
    caller,
  );

const product = (productId: string, quantity: number, fulfilment?: unknown) => ({
  kind: "product",
  productId,
  quantity,
  ...(fulfilment ? { fulfilment } : {}),
});
const ticket = (ticketTypeId: string, sessionId: string, quantity: number) => ({
  kind: "ticket",
  ticketTypeId,
  sessionId,
  quantity,
});
const address = {
  name: "王小明",
  phone: "138 0013 8000",
  province: "浙江省",
  city: "杭州市",
  district: "萧山区",
  street: "所前镇杜家村 18 号",
};
const reserved = async (productId: string) =>
  (await db.product.findUniqueOrThrow({ where: { id: productId } })).reserved;
const notice = (o: { id: string; totalCents: number }): PaymentNotice => ({
  orderId: o.id,
  provider: "DEMO",
  providerRef: `demo_${o.id}`,
  amountCents: o.totalCents,
  currency: "CNY",
  eventId: `evt_${Math.random()}`,
});

describe("buying workshop products", () => {
  it("sells exactly the stock when more buyers than units arrive at once, and refuses only the excess", async () => {
    const { products } = await createShopFixture(db, [{ stock: 100 }]);
    const id = products[0]?.id ?? "";
    const responses = await Promise.all(
      Array.from({ length: 150 }, (_, i) => post({ items: [product(id, 1)], customer: buyer(i) })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(50);
    expect(await responses.find((r) => r.status === 409)?.json()).toMatchObject({
      error: "sold_out",
      sessions: [],
      products: [{ productId: id, requested: 1, remaining: 0 }],
    });
    expect(await reserved(id)).toBe(100);
    expect(await db.hold.aggregate({ where: { productId: id, status: "ACTIVE" }, _sum: { quantity: true } })).toEqual({
      _sum: { quantity: 100 },
    });
  }, 120_000);

  it("lets admins open an order of workshop products only, and organisers not", async () => {
    const { products } = await createShopFixture(db, [{}]);
    const created = await (await post({ items: [product(products[0]?.id ?? "", 1)], customer })).json();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    const organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@suoqian.test" } });
    expect(await canManageOrder(admin, created.order.id)).toBe(true);
    expect(await canManageOrder(organiser, created.order.id)).toBe(false);
    expect(await canManageOrder(admin, "no-such-order")).toBe(false);
  });

  it("never limits made-to-order products, but still counts what is held", async () => {
    const { products } = await createShopFixture(db, [{ stock: null }]);
    const id = products[0]?.id ?? "";
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ items: [product(id, 3)], customer: buyer(i) })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(await reserved(id)).toBe(60);
  });

  it("holds a ticket and a product in one order, to be picked up at that session's gate", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 10 });
    const { products, farmer } = await createShopFixture(db, [{ stock: 5, pickupAtFestival: true, priceCents: 6800 }]);
    const id = products[0]?.id ?? "";
    const res = await post({
      items: [ticket(single.id, session.id, 2), product(id, 2, { method: "festival_pickup", sessionId: session.id })],
      customer,
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.order.totalCents).toBe(2 * single.priceCents + 2 * 6800);
    const items = await db.orderItem.findMany({ where: { orderId: created.order.id }, orderBy: { kind: "asc" } });
    expect(items.map((i) => [i.kind, i.fulfilmentMethod, i.pickupSessionId, i.farmerId])).toEqual(
      expect.arrayContaining([
        ["TICKET", null, null, null],
        ["PRODUCT", "FESTIVAL_PICKUP", session.id, farmer.id],
      ]),
    );
    expect(await reserved(id)).toBe(2);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved).toBe(2);

    // Paying issues the tickets and marks the farmer's line paid.
    expect(await markOrderPaid(notice(created.order))).toEqual({ result: "paid", tickets: 2 });
    // The confirmation names the workshop and the gate where the produce waits.
    const mail = await db.email.findFirstOrThrow({ where: { orderId: created.order.id } });
    expect(mail.text).toContain("■ 测试工坊");
    expect(mail.text).toMatch(/在测试节入口自提/);
    const read = await orderResponse(
      created.order.id,
      new Request(`http://127.0.0.1/api/orders/${created.order.id}?token=${created.accessToken}`),
      caller,
    );
    const { order } = await read.json();
    const line = order.items.find((i: { kind: string }) => i.kind === "product");
    expect(line.farmer).toMatchObject({ id: farmer.id });
    expect(line.fulfilment).toMatchObject({ method: "festival_pickup", status: "paid" });
    expect(line.fulfilment.pickupSession.startsAt).toBe(session.startsAt.toISOString());
  });

  it("refuses pickup at a festival gate without a ticket for that session, unless the buyer already paid for one", async () => {
    const { single, session } = await createSaleFixture(db, { capacity: 10 });
    const { products } = await createShopFixture(db, [{ pickupAtFestival: true }]);
    const id = products[0]?.id ?? "";
    const buyer = { ...customer, phone: `139${String(Date.now()).slice(-8)}` };
    const before = await db.order.count();
    const refused = await post({
      items: [product(id, 1, { method: "festival_pickup", sessionId: session.id })],
      customer: buyer,
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fields["items.0.fulfilment"]).toContain("门票");
    expect(await db.order.count()).toBe(before);

    const ticketOrder = await (await post({ items: [ticket(single.id, session.id, 1)], customer: buyer })).json();
    await markOrderPaid(notice(ticketOrder.order));
    const later = await post({
      items: [product(id, 1, { method: "festival_pickup", sessionId: session.id })],
      customer: buyer,
    });
    expect(later.status).toBe(201);
  });

  it("charges one courier fee per farmer and keeps the address as written", async () => {
    const { products } = await createShopFixture(db, [
      { delivery: true, deliveryFeeCents: 1200, priceCents: 1000 },
      { delivery: true, deliveryFeeCents: 1800, priceCents: 2000 },
    ]);
    const [a, b] = products.map((p) => p.id);
    const res = await post({
      items: [
        product(a ?? "", 1, { method: "delivery", address }),
        product(b ?? "", 2, { method: "delivery", address }),
      ],
      customer,
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.order.totalCents).toBe(1000 + 2 * 2000 + 1800);
    const items = await db.orderItem.findMany({ where: { orderId: created.order.id } });
    expect(items.map((i) => i.deliveryFeeCents).sort()).toEqual([0, 1800]);
    const read = await orderResponse(
      created.order.id,
      new Request(`http://127.0.0.1/api/orders/${created.order.id}?token=${created.accessToken}`),
      caller,
    );
    const line = (await read.json()).order.items[0];
    expect(line.fulfilment.address).toEqual({ ...address, phone: "13800138000" });
  });

  it("refuses bad fulfilment and unknown products with field errors, writing nothing", async () => {
    const { products } = await createShopFixture(db, [{ delivery: false }]);
    const draft = await createShopFixture(db, [{ status: "DRAFT" }]);
    const pending = await createShopFixture(db, [{}], { farmerStatus: "PENDING" });
    const id = products[0]?.id ?? "";
    const before = { orders: await db.order.count(), holds: await db.hold.count() };
    const cases: [unknown, string][] = [
      [[product(id, 1, { method: "delivery", address })], "items.0.fulfilment"],
      [[product(id, 1, { method: "delivery", address: { ...address, city: "" } })], "items.0.fulfilment.address.city"],
      [
        [product(id, 1, { method: "delivery", address: { ...address, phone: "12345" } })],
        "items.0.fulfilment.address.phone",
      ],
      [[product(id, 1, { method: "teleport" })], "items.0.fulfilment.method"],
      [[product(id, 1, { method: "festival_pickup" })], "items.0.fulfilment.sessionId"],
      [[product(draft.products[0]?.id ?? "", 1)], "items.0.productId"],
      [[product(pending.products[0]?.id ?? "", 1)], "items.0.productId"],
      [[product("no-such-product", 1)], "items.0.productId"],
      [[product(id, 0)], "items.0.quantity"],
      [[product(id, 51)], "items.0.quantity"],
      [[{ kind: "product", quantity: 1 }], "items.0.productId"],
    ];
    for (const [items, field] of cases) {
      const res = await post({ items, customer });
      expect(res.status, field).toBe(400);
      const body = await res.json();
      expect(body.error).toBe("invalid_request");
      expect(Object.keys(body.fields), JSON.stringify(body.fields)).toContain(field);
    }
    expect({ orders: await db.order.count(), holds: await db.hold.count() }).toEqual(before);
  });

  it("stops selling a product after its season ends", async () => {
    const { products } = await createShopFixture(db, [{ availableUntil: new Date(Date.now() - 60_000) }]);
    const res = await post({ items: [product(products[0]?.id ?? "", 1)], customer });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "not_on_sale", products: [products[0]?.id] });
  });

  it("returns the stock of an expired hold exactly once, and of a cancelled order", async () => {
    const { products } = await createShopFixture(db, [{ stock: 3 }]);
    const id = products[0]?.id ?? "";
    const created = await (await post({ items: [product(id, 3)], customer })).json();
    expect(await reserved(id)).toBe(3);
    expect((await post({ items: [product(id, 1)], customer })).status).toBe(409);
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    expect(await releaseExpiredHolds(later, { productIds: [id] })).toBe(1);
    expect(await releaseExpiredHolds(later, { productIds: [id] })).toBe(0);
    expect(await reserved(id)).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: created.order.id } })).status).toBe("EXPIRED");

    const again = await (await post({ items: [product(id, 2)], customer })).json();
    expect(await reserved(id)).toBe(2);
    await cancelOrder({ orderId: again.order.id, ticketIds: "all", by: { kind: "buyer" } });
    expect(await reserved(id)).toBe(0);
  });

  it("takes the stock again when paid after the hold expired, or asks for a refund when it is gone", async () => {
    const { products } = await createShopFixture(db, [{ stock: 2 }]);
    const id = products[0]?.id ?? "";
    const first = await (await post({ items: [product(id, 2)], customer })).json();
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { productIds: [id] });
    expect(await markOrderPaid(notice(first.order))).toEqual({ result: "paid", tickets: 0 });
    expect(await reserved(id)).toBe(2);

    const { products: others } = await createShopFixture(db, [{ stock: 1 }]);
    const other = others[0]?.id ?? "";
    const late = await (await post({ items: [product(other, 1)], customer })).json();
    await releaseExpiredHolds(new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000), { productIds: [other] });
    expect((await post({ items: [product(other, 1)], customer })).status).toBe(201);
    expect(await markOrderPaid(notice(late.order))).toEqual({ result: "refund_needed", reason: "sold_out" });
    expect(await reserved(other)).toBe(1);
  });
});
