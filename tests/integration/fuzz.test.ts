import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Property-based fuzzing of what anyone on the internet can send: thousands of
// generated inputs, most of them wrong in some way. None may answer 5xx (or throw
// out of a server action, which Next turns into a 500), and an input that is
// refused writes nothing.

vi.hoisted(() => {
  // Limits are proven elsewhere; here they would only stop the fuzzer early.
  process.env.RATE_LIMIT_ORDERS = "off";
  process.env.RATE_LIMIT_CHECK_IN = "off";
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));

import { GET as festivalAvailability } from "../../app/api/festivals/[slug]/availability/route";
import { GET as order } from "../../app/api/orders/[id]/route";
import { GET as products } from "../../app/api/products/route";
import { GET as stock } from "../../app/api/products/stock/route";
import { GET as routeGeojson } from "../../app/api/routes/[slug]/geojson/route";
import { GET as routeGpx } from "../../app/api/routes/[slug]/gpx/route";
import { GET as route } from "../../app/api/routes/[slug]/route";
import { GET as routes } from "../../app/api/routes/route";
import { checkInResponse } from "../../modules/check-in/api";
import { cancelOwnOrderAction } from "../../modules/orders/actions";
import { createOrderResponse } from "../../modules/orders/api";
import { createOrder } from "../../modules/orders/create-order";
import { demoPaymentAction, startCheckoutAction } from "../../modules/payments/actions";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

let sale: Awaited<ReturnType<typeof createSaleFixture>>;
let shop: Awaited<ReturnType<typeof createShopFixture>>;
let organiserId: string;
let paid: { id: string; token: string; ticketIds: string[] };
let pending: { id: string; token: string };

beforeAll(async () => {
  sale = await createSaleFixture(db, { capacity: 100_000, startsInHours: 96 });
  shop = await createShopFixture(db, [{ stock: null }]);
  const organiser = await db.user.create({
    data: { email: `fuzz-organiser-${Date.now()}@example.com`, name: "fuzz", passwordHash: "x", role: "ORGANISER" },
  });
  organiserId = organiser.id;
  await db.festivalOrganiser.create({ data: { festivalId: sale.festival.id, userId: organiser.id } });
  const place = async (n: number) =>
    createOrder(
      {
        items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 2 }],
        customer: buyer(n),
      },
      { userId: null, locale: "zh-CN" },
    );
  const a = await place(90_001);
  await payDemo(await db.order.findUniqueOrThrow({ where: { id: a.order.id } }));
  const tickets = await db.ticket.findMany({ where: { orderId: a.order.id } });
  paid = { id: a.order.id, token: a.accessToken, ticketIds: tickets.map((t) => t.id) };
  const b = await place(90_002);
  pending = { id: b.order.id, token: b.accessToken };
}, 60_000);

// ─── Generators ────────────────────────────────────────────────────────────

/** Strings a fuzzer should try: arbitrary text, ids of real records, near-misses, odd unicode. */
const nasty = () =>
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom(
      "",
      " ",
      "null",
      "undefined",
      "0",
      "-1",
      "1e309",
      "../../etc/passwd",
      '\'; DROP TABLE "Order"; --',
      "%00",
      "\u0000",
      "\uD800",
      "𠀀".repeat(30),
      "a".repeat(70),
      "a".repeat(600),
      sale.single.id,
      sale.session.id,
      sale.festival.id,
      sale.festival.slug,
    ),
  );

const anyJson = () => fc.jsonValue({ maxDepth: 4 });

const quantity = () =>
  fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null), anyJson());

const ticketItem = () =>
  fc.record(
    {
      kind: fc.oneof(fc.constant("ticket"), nasty()),
      ticketTypeId: fc.oneof(fc.constant(sale.single.id), fc.constant(sale.family.id), nasty()),
      sessionId: fc.oneof(fc.constant(sale.session.id), nasty()),
      quantity: quantity(),
    },
    { requiredKeys: [] },
  );

const productItem = () =>
  fc.record(
    {
      kind: fc.constant("product"),
      productId: fc.oneof(fc.constant(shop.products[0]?.id ?? ""), nasty()),
      quantity: quantity(),
      fulfilment: fc.oneof(
        fc.constant({ method: "workshop_pickup" }),
        fc.record({ method: fc.constantFrom("festival_pickup", "delivery", "teleport"), sessionId: nasty() }),
        fc.record({
          method: fc.constant("delivery"),
          address: fc.record({
            name: nasty(),
            phone: fc.oneof(fc.constant("13812345678"), nasty()),
            province: nasty(),
            city: nasty(),
            district: nasty(),
            street: nasty(),
          }),
        }),
        anyJson(),
      ),
    },
    { requiredKeys: [] },
  );

const customer = () =>
  fc.oneof(
    fc.record(
      {
        name: fc.oneof(fc.constant("游客"), nasty()),
        phone: fc.oneof(
          fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, "0")}`),
          nasty(),
        ),
        email: fc.oneof(fc.emailAddress(), nasty()),
      },
      { requiredKeys: [] },
    ),
    anyJson(),
  );

const goodCustomer = () =>
  fc.record({
    name: fc.constantFrom("游客", "Li Lei", "王小明"),
    phone: fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, "0")}`),
    email: fc.integer({ min: 0, max: 1e9 }).map((n) => `fuzz-${n}@example.com`),
  });

const goodItem = () =>
  fc.oneof(
    fc.record({
      kind: fc.constant("ticket"),
      ticketTypeId: fc.constantFrom(sale.single.id, sale.family.id),
      sessionId: fc.constant(sale.session.id),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    fc.record({
      kind: fc.constant("product"),
      productId: fc.constant(shop.products[0]?.id ?? ""),
      quantity: fc.integer({ min: 1, max: 3 }),
      fulfilment: fc.constant({ method: "workshop_pickup" }),
    }),
  );

/** Good orders, orders with some parts wrong, and anything at all. */
const orderBody = () =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        items: fc.array(goodItem(), { minLength: 1, maxLength: 3 }),
        customer: goodCustomer(),
        privacyConsent: fc.constant(PRIVACY_NOTICE_VERSION),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          items: fc.array(fc.oneof(goodItem(), ticketItem(), productItem(), anyJson()), { maxLength: 25 }),
          customer: fc.oneof(goodCustomer(), customer()),
          privacyConsent: fc.oneof(fc.constant(PRIVACY_NOTICE_VERSION), nasty()),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: anyJson() },
  );

const counts = async () => ({
  orders: await db.order.count(),
  items: await db.orderItem.count(),
  holds: await db.hold.count(),
  reserved: (await db.festivalSession.findUniqueOrThrow({ where: { id: sale.session.id } })).reserved,
});

// ─── Properties ────────────────────────────────────────────────────────────

describe("fuzzing POST /api/orders", () => {
  it("never answers 5xx, and writes an order only when it answers 201", async () => {
    const before = await counts();
    let created = 0;
    let seats = 0;
    await fc.assert(
      fc.asyncProperty(orderBody(), async (body) => {
        const answer = await createOrderResponse(
          new Request("http://127.0.0.1/api/orders", { method: "POST", body: JSON.stringify(body) }),
          {
            locale: "zh-CN",
            userId: null,
            address: "192.0.2.1",
            provenPhones: new Set(),
          },
        );
        expect(answer.status).toBeLessThan(500);
        expect([201, 400, 409, 413]).toContain(answer.status);
        if (answer.status === 201) {
          created++;
          const { order: placed } = await answer.json();
          seats +=
            (
              await db.hold.aggregate({
                where: { orderId: placed.id, sessionId: sale.session.id },
                _sum: { quantity: true },
              })
            )._sum.quantity ?? 0;
        }
      }),
      { numRuns: 1500 },
    );
    const after = await counts();
    // The generator reaches past validation: some orders are good enough to be placed.
    expect(created).toBeGreaterThan(0);
    expect(after.orders - before.orders).toBe(created);
    expect(after.reserved - before.reserved).toBe(seats);
  }, 300_000);

  it("answers 400 or 413 to bodies that are not an order at all, writing nothing", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 40_000 })), async (raw) => {
        const answer = await createOrderResponse(
          new Request("http://127.0.0.1/api/orders", { method: "POST", body: raw }),
          {
            locale: "en",
            userId: null,
            address: "192.0.2.2",
            provenPhones: new Set(),
          },
        );
        expect([400, 413]).toContain(answer.status);
        expect((await answer.json()).message).toEqual(expect.any(String));
      }),
      { numRuns: 500 },
    );
    expect(await counts()).toEqual(before);
  }, 120_000);
});

describe("fuzzing POST /api/check-in", () => {
  it("never answers 5xx and admits nobody with a code it did not issue", async () => {
    const admittedBefore = await db.ticket.count({ where: { checkedInAt: { not: null } } });
    const scansBefore = await db.checkIn.count();
    let scans = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record(
            {
              code: fc.oneof(
                nasty(),
                fc.string({ maxLength: 600 }).map((s) => `SQT1.${s}`),
              ),
              festivalId: fc.oneof(fc.constant(sale.festival.id), nasty()),
              sessionId: fc.oneof(fc.constant(sale.session.id), fc.constant(null), nasty()),
            },
            { requiredKeys: [] },
          ),
          anyJson(),
        ),
        async (body) => {
          const answer = await checkInResponse(
            new Request("http://127.0.0.1/api/check-in", { method: "POST", body: JSON.stringify(body) }),
            { locale: "zh-CN", userId: organiserId },
          );
          expect(answer.status).toBeLessThan(500);
          expect([200, 400, 403, 413]).toContain(answer.status);
          if (answer.status === 200) {
            scans++;
            expect((await answer.json()).result).not.toBe("ok");
          }
        },
      ),
      { numRuns: 1000 },
    );
    expect(await db.ticket.count({ where: { checkedInAt: { not: null } } })).toBe(admittedBefore);
    // Every scan the gate answered is logged; a refused request leaves no trace.
    expect((await db.checkIn.count()) - scansBefore).toBe(scans);
  }, 300_000);
});

const encodeable = (v: string) => {
  try {
    encodeURIComponent(v);
    return true;
  } catch {
    return false;
  }
};

describe("fuzzing the public GET APIs", () => {
  const call = (handler: (r: Request, c: never) => Promise<Response>, url: string, params: Record<string, string>) =>
    handler(new Request(`http://127.0.0.1${url}`), { params: Promise.resolve(params) } as never);

  it("never answers 5xx, whatever the path parameters and query", async () => {
    // A URL carries UTF-8, so what reaches a handler is well-formed text.
    const text = () => nasty().filter((v) => !/[\uD800-\uDFFF]/.test(v) || encodeable(v));
    await fc.assert(
      fc.asyncProperty(text(), text(), async (a, b) => {
        const q = encodeURIComponent(b);
        const answers = await Promise.all([
          call(routes, `/api/routes?category=${q}`, {}),
          call(route, `/api/routes/x?lang=${q}`, { slug: a }),
          call(routeGpx, "/api/routes/x/gpx", { slug: a }),
          call(routeGeojson, "/api/routes/x/geojson", { slug: a }),
          call(festivalAvailability, "/api/festivals/x/availability", { slug: a }),
          call(products, `/api/products?workshop=${q}`, {}),
          call(stock, `/api/products/stock?ids=${encodeURIComponent(a)},${q}`, {}),
          order(
            new Request(`http://127.0.0.1/api/orders/x?token=${q}`, {
              headers: { authorization: `Bearer ${encodeURIComponent(a)}` },
            }),
            { params: Promise.resolve({ id: a }) } as never,
          ),
        ]);
        for (const answer of answers) expect(answer.status).toBeLessThan(500);
        // Nobody reads an order without its token (400 when the id is not even text).
        expect([400, 404]).toContain(answers.at(-1)?.status);
      }),
      { numRuns: 400 },
    );
  }, 300_000);
});

describe("fuzzing the buyer's actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const state = async () => ({
    statuses: (await db.order.findMany({ where: { id: { in: [paid.id, pending.id] } }, select: { status: true } })).map(
      (o) => o.status,
    ),
    tickets: await db.ticket.count({ where: { orderId: paid.id, status: "VALID" } }),
    payments: await db.payment.count({ where: { orderId: { in: [paid.id, pending.id] } } }),
    refunds: await db.refund.count({ where: { payment: { orderId: paid.id } } }),
  });

  it("refuse every call without the order's token, change nothing and never throw", async () => {
    const before = await state();
    const fields = fc.record(
      {
        orderId: fc.oneof(fc.constant(paid.id), fc.constant(pending.id), nasty()),
        token: fc.oneof(nasty(), fc.constant(paid.token.slice(1)), fc.constant(`${pending.token}x`)),
        scope: fc.oneof(fc.constantFrom("all", "chosen"), nasty()),
        tickets: fc.oneof(fc.constant(paid.ticketIds.join(",")), nasty()),
        decision: fc.oneof(fc.constantFrom("pay", "decline"), nasty()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fields,
        fc.constantFrom(cancelOwnOrderAction, demoPaymentAction, startCheckoutAction),
        async (f, action) => {
          const answer = await action({ status: "idle" }, form(f as Record<string, string>));
          expect(answer.status).toBe("error");
        },
      ),
      { numRuns: 1000 },
    );
    expect(await state()).toEqual(before);
  }, 300_000);
});
