import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// A product line refunded by its farmer or an admin, on a real database (SQLite
// and PostgreSQL): the money through the demo provider, the stock, the order's
// state, the buyer's mail and page, the farmer's figures, and every refusal.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
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

import { orderAccessToken } from "../../lib/codes";
import { env } from "../../lib/env";
import { demoProvider } from "../../lib/payments/demo";
import { UserError } from "../../lib/user-error";
import { adminRefundLineAction, adminRetryLineRefundAction } from "../../modules/admin-orders/actions";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { refundLineAction, retryLineRefundAction } from "../../modules/farmers/actions";
import { farmerLinesCsv, packingList, weeklySales } from "../../modules/farmers/order-line-queries";
import { createOrder } from "../../modules/orders/create-order";
import { type LineRefundInput, lineRefundInputSchema } from "../../modules/orders/line-refund-rules";
import { findOrderForCaller } from "../../modules/orders/queries";
import { type LineRefunder, refundOrderLine, retryLineRefund } from "../../modules/orders/refund-order-line";
import { sendRefund } from "../../modules/orders/refund-payment";
import { payDemo } from "../../modules/payments/pay-demo";
import { buyer, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());
afterEach(() => vi.restoreAllMocks());

type Shop = Awaited<ReturnType<typeof createShopFixture>>;
let mine: Shop;
let theirs: Shop;
let admin: CurrentUser;
let n = 0;

const address = {
  name: "王小明",
  phone: "138 0013 8000",
  province: "浙江省",
  city: "杭州市",
  district: "萧山区",
  street: "所前镇杜家村 18 号",
};

const userOf = (u: { id: string; email: string | null; name: string; role: CurrentUser["role"] }): CurrentUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});
const asFarmer = (shop: Shop): LineRefunder => ({ kind: "farmer", farmer: shop.farmer, actor: userOf(shop.user) });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const idle = { status: "idle" } as const;
const input = (fields: Record<string, string>): LineRefundInput => lineRefundInputSchema.parse(fields);
const byQuantity = (itemId: string, quantity: number, extra: Record<string, string> = {}) =>
  input({ itemId, mode: "quantity", quantity: String(quantity), reason: "spoiled", note: "雨淋坏了", ...extra });
const byAmount = (itemId: string, amount: string) =>
  input({ itemId, mode: "amount", amount, reason: "short_weight", note: "称重少了半斤" });

/** A paid order of `quantity` units of a shop's first product; returns its line. */
async function paidLine(
  shop: Shop,
  quantity: number,
  opts: { delivery?: boolean; pay?: boolean; alsoTheirs?: boolean } = {},
) {
  const product = shop.products[opts.delivery ? 1 : 0];
  const created = await createOrder(
    {
      items: [
        {
          kind: "product",
          productId: product?.id ?? "",
          quantity,
          fulfilment: opts.delivery ? { method: "delivery", address } : { method: "workshop_pickup" },
        },
        ...(opts.alsoTheirs
          ? [
              {
                kind: "product" as const,
                productId: theirs.products[0]?.id ?? "",
                quantity: 1,
                fulfilment: { method: "workshop_pickup" as const },
              },
            ]
          : []),
      ],
      customer: buyer(80_000 + ++n),
    },
    { userId: null, locale: "zh-CN" },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: created.order.id } });
  if (opts.pay !== false) await payDemo(order);
  const line = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id, farmerId: shop.farmer.id } });
  return { order, line, productId: product?.id ?? "" };
}

const reservedOf = async (productId: string) =>
  (await db.product.findUniqueOrThrow({ where: { id: productId } })).reserved;

/** Everything a refusal must leave as it was. */
async function snapshot(orderId: string) {
  return {
    order: await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } }),
    items: await db.orderItem.findMany({
      where: { orderId },
      orderBy: { id: "asc" },
      select: { refundedQuantity: true, refundedCents: true, fulfilmentStatus: true },
    }),
    payments: await db.payment.findMany({ where: { orderId }, select: { refundedCents: true, status: true } }),
    refunds: await db.refund.count({ where: { payment: { orderId } } }),
    emails: await db.email.count({ where: { orderId } }),
    stock: await db.product.findMany({
      where: { id: { in: [mine.products[0]?.id ?? "", mine.products[1]?.id ?? "", theirs.products[0]?.id ?? ""] } },
      orderBy: { id: "asc" },
      select: { reserved: true },
    }),
  };
}

async function refusedWith(key: string, attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).key).toBe(key);
}

beforeAll(async () => {
  mine = await createShopFixture(db, [
    { stock: 100, priceCents: 3000 },
    { stock: 100, priceCents: 6800, pickupAtWorkshop: false, delivery: true, deliveryFeeCents: 1200 },
  ]);
  theirs = await createShopFixture(db, [{ stock: 100, priceCents: 2500 }], { workshopId: mine.workshop.id });
  admin = userOf(await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } }));
});

describe("a farmer's refund of a product line", () => {
  it("gives back part of a line by quantity: refund row, money, stock, order state, mail, audit", async () => {
    const { order, line, productId } = await paidLine(mine, 5);
    const reservedBefore = await reservedOf(productId);
    const provider = vi.spyOn(demoProvider, "refund");

    const result = await refundOrderLine(asFarmer(mine), byQuantity(line.id, 2));

    expect(result).toMatchObject({
      quantity: 2,
      amountCents: 6000,
      orderStatus: "PARTIALLY_REFUNDED",
      lineCancelled: false,
      refundPending: false,
    });
    const refund = await db.refund.findUniqueOrThrow({ where: { id: result.refundId }, include: { payment: true } });
    expect(refund).toMatchObject({
      orderItemId: line.id,
      quantity: 2,
      amountCents: 6000,
      reason: "spoiled",
      note: "雨淋坏了",
      createdById: mine.user.id,
      providerRef: `demo_re_refund-${refund.id}`,
    });
    expect(refund.payment).toMatchObject({ orderId: order.id, refundedCents: 6000, status: "PARTIALLY_REFUNDED" });
    expect(await db.orderItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      refundedQuantity: 2,
      refundedCents: 6000,
      fulfilmentStatus: "PAID",
    });
    expect(await reservedOf(productId)).toBe(reservedBefore - 2);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PARTIALLY_REFUNDED");

    // The buyer's mail, in the outbox: what, how much, why.
    const mail = await db.email.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(mail.to).toBe(order.customerEmail);
    expect(mail.subject).toContain(order.code);
    expect(mail.text).toContain("退回 2 斤");
    expect(mail.text).toContain("¥60.00");
    expect(mail.text).toContain("品质问题");
    expect(mail.text).toContain("雨淋坏了");
    expect(mail.text).toContain(`/orders/${order.id}?token=`);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "order.lineRefund", entityId: order.id } });
    expect(audit).toMatchObject({ actorId: mine.user.id, actorRole: "FARMER", entityType: "order" });

    // The provider heard of it once; sending or retrying again asks nothing more.
    expect(provider).toHaveBeenCalledTimes(1);
    expect(provider.mock.calls[0]?.[0]).toMatchObject({ amountCents: 6000, idempotencyKey: `refund-${refund.id}` });
    expect(await sendRefund(refund.id)).toBe(true);
    expect(await retryLineRefund(asFarmer(mine), refund.id)).toEqual({ confirmed: true });
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it("gives back an amount (a box that weighed less) without touching units or stock", async () => {
    const { order, line, productId } = await paidLine(mine, 3);
    const reservedBefore = await reservedOf(productId);
    const result = await refundOrderLine(asFarmer(mine), byAmount(line.id, "5.50"));
    expect(result).toMatchObject({ quantity: 0, amountCents: 550, lineCancelled: false, refundPending: false });
    expect(await db.orderItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      refundedQuantity: 0,
      refundedCents: 550,
      fulfilmentStatus: "PAID",
    });
    expect(await reservedOf(productId)).toBe(reservedBefore);
    expect(await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).toMatchObject({
      quantity: 0,
      amountCents: 550,
      reason: "short_weight",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PARTIALLY_REFUNDED");
    const mail = await db.email.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { createdAt: "desc" } });
    expect(mail.text).toContain("退款 ¥5.50");
    expect(mail.text).toContain("分量不足");

    // A later refund by quantity gives back no more than is left of the line's money.
    const rest = await refundOrderLine(asFarmer(mine), byQuantity(line.id, 3));
    expect(rest).toMatchObject({ quantity: 3, amountCents: 9000 - 550, lineCancelled: true, orderStatus: "REFUNDED" });
    expect(await db.orderItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({
      refundedQuantity: 3,
      refundedCents: 9000,
      fulfilmentStatus: "CANCELLED",
    });
    expect(await db.payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      refundedCents: 9000,
      status: "REFUNDED",
    });
  });

  it("refunds a whole courier line with its delivery fee: line cancelled, order refunded, stock back", async () => {
    const { order, line, productId } = await paidLine(mine, 2, { delivery: true });
    expect(line).toMatchObject({ totalCents: 13_600, deliveryFeeCents: 1200 });
    const reservedBefore = await reservedOf(productId);
    const result = await refundOrderLine(
      asFarmer(mine),
      byQuantity(line.id, 2, { includeDeliveryFee: "on", reason: "out_of_stock", note: "" }),
    );
    expect(result).toMatchObject({
      quantity: 2,
      amountCents: 14_800,
      lineCancelled: true,
      orderStatus: "REFUNDED",
      refundPending: false,
    });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: line.id } })).fulfilmentStatus).toBe("CANCELLED");
    expect(await reservedOf(productId)).toBe(reservedBefore - 2);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { payments: true } });
    expect(after.status).toBe("REFUNDED");
    expect(after.payments[0]).toMatchObject({ refundedCents: 14_800, status: "REFUNDED" });
    await refusedWith("lineRefund.errors.notPaid", refundOrderLine(asFarmer(mine), byAmount(line.id, "1")));
  });

  it("keeps the stock down for goods already handed over, and keeps the other farmer's line bought", async () => {
    const { order, line, productId } = await paidLine(mine, 4, { alsoTheirs: true });
    await db.orderItem.update({ where: { id: line.id }, data: { fulfilmentStatus: "COLLECTED" } });
    const reservedBefore = await reservedOf(productId);
    const result = await refundOrderLine(asFarmer(mine), byQuantity(line.id, 4));
    expect(result).toMatchObject({ quantity: 4, amountCents: 12_000, lineCancelled: true });
    // Whole line refunded, but the buyer still holds the other farmer's line.
    expect(result.orderStatus).toBe("PARTIALLY_REFUNDED");
    expect(await reservedOf(productId)).toBe(reservedBefore);
    const theirLine = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id, farmerId: theirs.farmer.id } });
    expect(theirLine).toMatchObject({ fulfilmentStatus: "PAID", refundedCents: 0 });
  });

  it("is refused for another farmer's line as not found, changing nothing", async () => {
    const { order, line } = await paidLine(mine, 3, { alsoTheirs: true });
    const before = await snapshot(order.id);
    await refusedWith("errors.notFound", refundOrderLine(asFarmer(theirs), byQuantity(line.id, 1)));
    await refusedWith("errors.notFound", refundOrderLine(asFarmer(theirs), byAmount(line.id, "1")));
    signedIn.mockResolvedValue(userOf(theirs.user));
    const refused = await refundLineAction(
      idle,
      form({ itemId: line.id, mode: "quantity", quantity: "1", reason: "spoiled" }),
    );
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("找不到") });
    expect(await snapshot(order.id)).toEqual(before);

    // And a refund of this farmer's line is not theirs to retry.
    const mineRefund = await refundOrderLine(asFarmer(mine), byQuantity(line.id, 1));
    await refusedWith("errors.notFound", retryLineRefund(asFarmer(theirs), mineRefund.refundId));
    const retried = await retryLineRefundAction(idle, form({ refundId: mineRefund.refundId }));
    expect(retried).toMatchObject({ status: "error", message: expect.stringContaining("找不到") });
  });

  it("is refused above what is left on the line, changing nothing", async () => {
    const { order, line } = await paidLine(mine, 2);
    await refundOrderLine(asFarmer(mine), byAmount(line.id, "10"));
    const before = await snapshot(order.id);
    await refusedWith("lineRefund.errors.tooManyUnits", refundOrderLine(asFarmer(mine), byQuantity(line.id, 3)));
    // 60 yuan paid, 10 back already: 50.01 is too much.
    await refusedWith("lineRefund.errors.tooMuch", refundOrderLine(asFarmer(mine), byAmount(line.id, "50.01")));
    expect(await snapshot(order.id)).toEqual(before);
    // Exactly what is left goes, and then nothing more.
    expect(await refundOrderLine(asFarmer(mine), byAmount(line.id, "50"))).toMatchObject({
      amountCents: 5000,
      lineCancelled: true,
    });
    await refusedWith("lineRefund.errors.notPaid", refundOrderLine(asFarmer(mine), byAmount(line.id, "0.01")));
  });

  it("is refused for an unpaid order", async () => {
    const { order, line } = await paidLine(mine, 2, { pay: false });
    const before = await snapshot(order.id);
    await refusedWith("lineRefund.errors.notPaid", refundOrderLine(asFarmer(mine), byQuantity(line.id, 1)));
    expect(await snapshot(order.id)).toEqual(before);
  });

  it("refuses bad input with field errors, in the action", async () => {
    const { order, line } = await paidLine(mine, 2);
    const before = await snapshot(order.id);
    signedIn.mockResolvedValue(userOf(mine.user));
    for (const [field, fields] of [
      ["quantity", { mode: "quantity", quantity: "abc", reason: "spoiled" }],
      ["quantity", { mode: "quantity", quantity: "0", reason: "spoiled" }],
      ["amount", { mode: "amount", amount: "-3", reason: "spoiled" }],
      ["amount", { mode: "amount", amount: "1.234", reason: "spoiled" }],
      ["reason", { mode: "amount", amount: "1", reason: "gold" }],
      ["note", { mode: "amount", amount: "1", reason: "other", note: "" }],
      ["note", { mode: "amount", amount: "1", reason: "spoiled", note: "长".repeat(201) }],
      ["mode", { mode: "everything", reason: "spoiled" }],
    ] as const) {
      const result = await refundLineAction(idle, form({ itemId: line.id, ...fields }));
      expect(result.status, field).toBe("error");
      if (result.status === "error") expect(Object.keys(result.fields), field).toContain(field);
    }
    const tooMany = await refundLineAction(
      idle,
      form({ itemId: line.id, mode: "quantity", quantity: "3", reason: "spoiled" }),
    );
    expect(tooMany).toMatchObject({ status: "error", fields: { quantity: expect.stringContaining("超过") } });
    expect(await snapshot(order.id)).toEqual(before);
  });

  it("never gives back more than the line holds when refunds race", async () => {
    // Another farmer's line in the same order: the payment alone would have room for more.
    const { order, line, productId } = await paidLine(mine, 5, { alsoTheirs: true });
    const reservedBefore = await reservedOf(productId);
    const attempts = await Promise.allSettled([
      ...Array.from({ length: 6 }, () => refundOrderLine(asFarmer(mine), byQuantity(line.id, 1))),
      ...Array.from({ length: 4 }, () => refundOrderLine(asFarmer(mine), byAmount(line.id, "20"))),
    ]);
    const done = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    for (const a of attempts) if (a.status === "rejected") expect(a.reason).toBeInstanceOf(UserError);
    const after = await db.orderItem.findUniqueOrThrow({ where: { id: line.id } });
    const refunds = await db.refund.findMany({ where: { orderItemId: line.id } });
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id } });
    const sum = refunds.reduce((s, r) => s + r.amountCents, 0);
    expect(refunds).toHaveLength(done.length);
    expect(after.refundedCents).toBe(sum);
    expect(sum).toBeLessThanOrEqual(15_000);
    expect(after.refundedQuantity).toBe(refunds.reduce((s, r) => s + r.quantity, 0));
    expect(after.refundedQuantity).toBeLessThanOrEqual(5);
    expect(payment.refundedCents).toBe(sum);
    expect(await reservedOf(productId)).toBe(reservedBefore - after.refundedQuantity);
    // Nothing is left unused that a further refund could still take beyond the line.
    await refusedWith(
      sum === 15_000 ? "lineRefund.errors.nothingLeft" : "lineRefund.errors.tooMuch",
      refundOrderLine(asFarmer(mine), byAmount(line.id, String((15_000 - sum) / 100 + 0.01))),
    );
  });

  it("stays pending when the provider does not confirm, shows so to the buyer, and is retried once", async () => {
    const { order, line } = await paidLine(mine, 3);
    const provider = vi.spyOn(demoProvider, "refund").mockRejectedValueOnce(new Error("provider unreachable"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await refundOrderLine(asFarmer(mine), byQuantity(line.id, 1));
    expect(result.refundPending).toBe(true);
    expect((await db.refund.findUniqueOrThrow({ where: { id: result.refundId } })).providerRef).toBeNull();
    // The money is recorded as going back; the buyer sees it pending.
    const token = orderAccessToken(order.id, env.authSecret).token;
    const seen = await findOrderForCaller(order.id, token, null);
    const item = seen?.items.find((i) => i.id === line.id);
    expect(item).toMatchObject({ refundedQuantity: 1, refundedCents: 3000 });
    expect(item?.refunds).toEqual([
      expect.objectContaining({
        quantity: 1,
        amountCents: 3000,
        reason: "spoiled",
        note: "雨淋坏了",
        confirmed: false,
      }),
    ]);

    signedIn.mockResolvedValue(userOf(mine.user));
    expect(await retryLineRefundAction(idle, form({ refundId: result.refundId }))).toMatchObject({
      status: "success",
      data: { confirmed: true },
    });
    expect(await retryLineRefundAction(idle, form({ refundId: result.refundId }))).toMatchObject({
      status: "success",
    });
    expect(provider).toHaveBeenCalledTimes(2);
    expect(provider.mock.calls.map((c) => c[0].idempotencyKey)).toEqual([
      `refund-${result.refundId}`,
      `refund-${result.refundId}`,
    ]);
    const again = await findOrderForCaller(order.id, token, null);
    expect(again?.items.find((i) => i.id === line.id)?.refunds[0]?.confirmed).toBe(true);
    expect(await db.auditLog.count({ where: { action: "order.lineRefundRetry", entityId: order.id } })).toBe(1);
  });
});

describe("an admin's refund of a product line", () => {
  it("refunds any farmer's line, recorded under the admin; only admins may", async () => {
    const { order, line } = await paidLine(theirs, 1, {});
    const before = await snapshot(order.id);
    for (const user of [mine.user, theirs.user, null]) {
      signedIn.mockResolvedValue(user ? userOf(user) : null);
      const refused = await adminRefundLineAction(
        idle,
        form({ itemId: line.id, mode: "amount", amount: "5", reason: "short_weight" }),
      );
      expect(refused.status).toBe("error");
    }
    expect(await snapshot(order.id)).toEqual(before);

    signedIn.mockResolvedValue(admin);
    const done = await adminRefundLineAction(
      idle,
      form({ itemId: line.id, mode: "amount", amount: "5", reason: "short_weight", note: "管理员核实" }),
    );
    expect(done).toMatchObject({ status: "success", data: { amountCents: 500, refundPending: false } });
    if (done.status !== "success") return;
    expect(await db.refund.findUniqueOrThrow({ where: { id: done.data.refundId } })).toMatchObject({
      createdById: admin.id,
      orderItemId: line.id,
      note: "管理员核实",
    });
    expect(await db.auditLog.findFirst({ where: { action: "order.lineRefund", entityId: order.id } })).toMatchObject({
      actorId: admin.id,
      actorRole: "ADMIN",
    });
    expect(await adminRetryLineRefundAction(idle, form({ refundId: done.data.refundId }))).toMatchObject({
      status: "success",
    });
    const unknown = await adminRefundLineAction(
      idle,
      form({ itemId: "no-such-line", mode: "amount", amount: "5", reason: "short_weight" }),
    );
    expect(unknown).toMatchObject({ status: "error", message: expect.stringContaining("找不到") });
  });
});

describe("the farmer's figures, net of refunds", () => {
  it("net refunds out of the weekly sales, the packing list and the CSV", async () => {
    const shop = await createShopFixture(db, [{ stock: 50, priceCents: 4000 }]);
    const a = await paidLine(shop, 3);
    const b = await paidLine(shop, 2);
    await refundOrderLine(asFarmer(shop), byQuantity(a.line.id, 1));
    await refundOrderLine(asFarmer(shop), byAmount(a.line.id, "2.50"));
    await refundOrderLine(asFarmer(shop), byQuantity(b.line.id, 2));

    const paidAt = (await db.order.findUniqueOrThrow({ where: { id: a.order.id } })).paidAt ?? new Date();
    const week = (await weeklySales(shop.farmer, paidAt)).at(-1);
    // 5 × 40 sold, 40 + 2.50 + 80 back; the wholly refunded line no longer counts as a line.
    expect(week).toMatchObject({ cents: 20_000 - 12_250, refundedCents: 12_250, lines: 1 });

    const day = new Date(paidAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const list = await packingList(shop.farmer, day);
    expect(list.totals.map((x) => x.quantity)).toEqual([2]);
    expect(list.lines.map((l) => l.id)).toEqual([a.line.id]);

    const csv = await farmerLinesCsv(shop.farmer, { status: "all", day: null }, "zh-CN");
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header).toContain("已退数量");
    expect(header).toContain("净收入（元）");
    // Total, delivery fee, refunded units, refunded, net.
    expect(rows.find((r) => r.includes(a.order.code))).toContain('"120.00","0.00","1","42.50","77.50"');
    expect(rows.find((r) => r.includes(b.order.code))).toContain('"80.00","0.00","2","80.00","0.00"');
  });
});
