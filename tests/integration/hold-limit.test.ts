import { afterAll, describe, expect, it } from "vitest";
import { createOrderResponse } from "../../modules/orders/api";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// One anonymous script once held a whole 150-seat session in 0.43 s. A buyer
// (one mobile number, or one e-mail) may hold unpaid at most the per-order
// maximum of a session (10 here) or 50 units of a product.

afterAll(() => db.$disconnect());

const post = (body: object) =>
  createOrderResponse(
    new Request("http://127.0.0.1/api/orders", {
      method: "POST",
      body: JSON.stringify({ privacyConsent: PRIVACY_NOTICE_VERSION, ...body }),
    }),
    {
      locale: "en",
      userId: null,
      address: "198.51.100.7",
      // Buyers who proved their numbers: the per-buyer allowance is what is tested here.
      provenPhones: { has: () => true },
    },
  );
const tickets = (sale: { single: { id: string }; session: { id: string } }, quantity: number) => ({
  kind: "ticket",
  ticketTypeId: sale.single.id,
  sessionId: sale.session.id,
  quantity,
});
const reserved = async (id: string) => (await db.festivalSession.findUniqueOrThrow({ where: { id } })).reserved;

describe("holding seats without paying", () => {
  it("stops one script from holding a whole session: 409 hold_limit past the per-order maximum, nothing held", async () => {
    const sale = await createSaleFixture(db, { capacity: 150 });
    const script = buyer(7001);
    // Thirty requests at once, one ticket each, same mobile number and e-mail.
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => post({ items: [tickets(sale, 1)], customer: script })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(20);
    expect(await refused[0]?.json()).toEqual({
      error: "hold_limit",
      message: expect.stringContaining("unpaid"),
      sessions: [{ sessionId: sale.session.id, limit: 10, held: 10 }],
      products: [],
    });
    expect(await reserved(sale.session.id)).toBe(10);
    // Another buyer is not affected.
    expect((await post({ items: [tickets(sale, 10)], customer: buyer(7002) })).status).toBe(201);
  });

  it("counts a buyer by mobile number and by e-mail, each on its own", async () => {
    const sale = await createSaleFixture(db, { capacity: 150 });
    const first = buyer(7101);
    expect((await post({ items: [tickets(sale, 8)], customer: first })).status).toBe(201);
    const samePhone = { ...buyer(7102), phone: first.phone };
    const sameEmail = { ...buyer(7103), email: first.email };
    for (const customer of [samePhone, sameEmail]) {
      const answer = await post({ items: [tickets(sale, 3)], customer });
      expect(answer.status).toBe(409);
      expect((await answer.json()).error).toBe("hold_limit");
    }
    expect((await post({ items: [tickets(sale, 2)], customer: samePhone })).status).toBe(201);
    expect(await reserved(sale.session.id)).toBe(10);
  });

  it("frees the allowance once the held seats are paid for", async () => {
    const sale = await createSaleFixture(db, { capacity: 150 });
    const customer = buyer(7201);
    const body = await (await post({ items: [tickets(sale, 10)], customer })).json();
    expect((await post({ items: [tickets(sale, 1)], customer })).status).toBe(409);
    const order = await db.order.findUniqueOrThrow({ where: { id: body.order.id } });
    expect(await payDemo(order)).toMatchObject({ result: "paid" });
    expect((await post({ items: [tickets(sale, 10)], customer })).status).toBe(201);
  });

  it("frees the allowance once the hold has run out, even before the sweep releases it", async () => {
    const sale = await createSaleFixture(db, { capacity: 150 });
    const customer = buyer(7301);
    expect((await post({ items: [tickets(sale, 10)], customer })).status).toBe(201);
    await db.hold.updateMany({
      where: { sessionId: sale.session.id, status: "ACTIVE" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await post({ items: [tickets(sale, 10)], customer })).status).toBe(201);
  });

  it("limits the units of one product a buyer holds unpaid to 50", async () => {
    const { products } = await createShopFixture(db, [{ stock: 500 }]);
    const productId = products[0]?.id ?? "";
    const customer = buyer(7401);
    const line = (quantity: number) => ({ kind: "product", productId, quantity });
    expect((await post({ items: [line(50)], customer })).status).toBe(201);
    const answer = await post({ items: [line(1)], customer });
    expect(answer.status).toBe(409);
    expect(await answer.json()).toMatchObject({ error: "hold_limit", products: [{ productId, limit: 50, held: 50 }] });
    expect((await db.product.findUniqueOrThrow({ where: { id: productId } })).reserved).toBe(50);
  });
});
