import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The texts that reach people, through Aliyun SMS's own SDK against the local endpoint
// (scripts/lib/aliyun-sms-server.ts), each kind with its own template: the e-tickets
// and the farmers' lines when an order is paid, a waiting-list offer, refunds, and the
// evening-before reminder; quiet hours; and a gateway that refuses failing nothing.
const peer = await vi.hoisted(async () => {
  const { startAliyunSmsServer } = await import("../../scripts/lib/aliyun-sms-server");
  const server = await startAliyunSmsServer();
  vi.stubEnv("SMS_PROVIDER", "aliyun");
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_ID", server.accessKeyId);
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_SECRET", server.accessKeySecret);
  vi.stubEnv("ALIYUN_SMS_ENDPOINT", server.url);
  vi.stubEnv("SMS_SIGN_NAME", "所前游");
  vi.stubEnv("SMS_TEMPLATE_CODE", "SMS_100000001");
  vi.stubEnv("SMS_TEMPLATE_TICKETS", "SMS_100000011");
  vi.stubEnv("SMS_TEMPLATE_TICKETS_EN", "SMS_100000012");
  vi.stubEnv("SMS_TEMPLATE_WAITLIST_OFFER", "SMS_100000021");
  vi.stubEnv("SMS_TEMPLATE_REMINDER", "SMS_100000031");
  vi.stubEnv("SMS_TEMPLATE_REFUND", "SMS_100000041");
  vi.stubEnv("SMS_TEMPLATE_FARMER_ORDER", "SMS_100000051");
  return server;
});

import { orderAccessToken, orderLinkKey, randomCode } from "../../lib/codes";
import { addDays, shanghaiDateParts, shanghaiTime } from "../../lib/dates";
import { env } from "../../lib/env";
import { orderPageUrl, resolveOrderShortLink } from "../../lib/order-links";
import { textDateTime } from "../../lib/sms/format";
import { sendDueTexts, sendTextMessage } from "../../lib/sms/send";
import { setTextReminders } from "../../modules/account/set-text-reminders";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { markOrderPaid } from "../../modules/orders/mark-order-paid";
import { refundOrderLine } from "../../modules/orders/refund-order-line";
import { sendSessionReminders } from "../../modules/orders/texts/send-reminders";
import { createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// Every test runs at noon in Suoqian unless it says otherwise, so quiet hours never depend
// on when the suite runs. Only Date is faked (it keeps moving); timers stay real.
const today = shanghaiDateParts(new Date());
const at = (days: number, hour: number, minute = 0) =>
  shanghaiTime(today.year, today.month, today.day + days, hour, minute);
vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
beforeEach(() => vi.setSystemTime(at(0, 12)));

afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  await peer.stop();
  await db.$disconnect();
});

let numbers = 0;
const mobile = () => `137${String(Date.now() % 10_000).padStart(4, "0")}${String(++numbers).padStart(4, "0")}`;
const received = (to: string) => peer.texts.filter((text) => text.phoneNumbers === to);
const rows = (to: string) => db.textMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const shortLink = (order: { id: string; code: string }) => `o/${order.code}/${orderLinkKey(order.id, env.authSecret)}`;

type Sale = Awaited<ReturnType<typeof createSaleFixture>>;
type Shop = Awaited<ReturnType<typeof createShopFixture>>;
type OrderSpec = {
  phone: string;
  tickets?: { sale: Sale; quantity: number };
  products?: { shop: Shop; quantities: number[] };
  userId?: string | null;
  locale?: "zh-CN" | "en";
};

/** A pending order as checkout leaves it (lines, holds, seats and stock reserved), written directly. */
async function pendingOrder(spec: OrderSpec) {
  const id = randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 15 * 60_000);
  const lines = [
    ...(spec.tickets
      ? [{ kind: "TICKET" as const, quantity: spec.tickets.quantity, price: spec.tickets.sale.single.priceCents }]
      : []),
    ...(spec.products?.quantities ?? []).map((quantity, i) => ({
      kind: "PRODUCT" as const,
      quantity,
      price: spec.products?.shop.products[i]?.priceCents ?? 0,
      product: spec.products?.shop.products[i],
    })),
  ];
  const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
  const order = await db.order.create({
    data: {
      id,
      code: `SQ${randomCode(8)}`,
      userId: spec.userId ?? null,
      customerName: "短信买家",
      customerPhone: spec.phone,
      customerEmail: `texts-${id}@example.com`,
      totalCents,
      expiresAt,
      accessTokenHash: orderAccessToken(id, env.authSecret).hash,
      locale: spec.locale ?? "zh-CN",
    },
  });
  for (const line of lines) {
    const ticket = line.kind === "TICKET" ? spec.tickets : undefined;
    const product = "product" in line ? line.product : undefined;
    const item = await db.orderItem.create({
      data: {
        orderId: id,
        kind: line.kind,
        ticketTypeId: ticket?.sale.single.id,
        sessionId: ticket?.sale.session.id,
        productId: product?.id,
        farmerId: product?.farmerId,
        fulfilmentMethod: product ? "WORKSHOP_PICKUP" : null,
        quantity: line.quantity,
        unitPriceCents: line.price,
        totalCents: line.quantity * line.price,
        nameZh: product?.nameZh ?? "入园票",
        nameEn: product?.nameEn ?? "Entry",
      },
    });
    await db.hold.create({
      data: {
        orderId: id,
        orderItemId: item.id,
        sessionId: ticket?.sale.session.id,
        productId: product?.id,
        quantity: line.quantity,
        expiresAt,
      },
    });
    if (ticket) {
      await db.festivalSession.update({
        where: { id: ticket.sale.session.id },
        data: { reserved: { increment: line.quantity } },
      });
    }
    if (product)
      await db.product.update({ where: { id: product.id }, data: { reserved: { increment: line.quantity } } });
  }
  return order;
}

/** Pays an order as the payment webhook does, at `now`. */
const pay = (order: { id: string; totalCents: number }, now = new Date()) =>
  markOrderPaid(
    {
      orderId: order.id,
      provider: "DEMO",
      providerRef: `demo_${order.id}`,
      amountCents: order.totalCents,
      currency: "CNY",
      eventId: `evt_${randomUUID()}`,
    },
    now,
  );

async function paidTicketOrder(spec: OrderSpec) {
  const order = await pendingOrder(spec);
  await expect(pay(order)).resolves.toMatchObject({ result: "paid" });
  return order;
}

describe("texts when an order is paid", () => {
  it("texts the buyer's e-tickets once: the tickets template with the order, count, codes and a short link that opens the order", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const phone = mobile();
    const order = await pendingOrder({ phone, tickets: { sale, quantity: 2 } });
    const notice = {
      orderId: order.id,
      provider: "DEMO" as const,
      providerRef: `demo_${order.id}`,
      amountCents: order.totalCents,
      currency: "CNY",
      eventId: `evt_${randomUUID()}`,
    };
    expect(await markOrderPaid(notice)).toMatchObject({ result: "paid", tickets: 2 });
    // The payment provider sends the same event again: no second text.
    expect(await markOrderPaid(notice)).toEqual({ result: "duplicate" });

    const tickets = await db.ticket.findMany({
      where: { orderId: order.id },
      orderBy: [{ createdAt: "asc" }, { code: "asc" }],
    });
    expect(received(phone)).toHaveLength(1);
    expect(received(phone)[0]).toMatchObject({
      signName: "所前游",
      templateCode: "SMS_100000011",
      templateParam: {
        order: order.code,
        count: "2",
        codes: tickets.map((t) => t.code).join("、"),
        link: shortLink(order),
      },
    });
    const [row] = await rows(phone);
    expect(row).toMatchObject({ kind: "tickets", templateCode: "SMS_100000011", provider: "aliyun", error: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.text).toContain(`${env.siteUrl}/${shortLink(order)}`);
    // The short link leads to the order's own page with its token; a wrong key leads nowhere.
    expect(await resolveOrderShortLink(order.code, orderLinkKey(order.id, env.authSecret))).toBe(
      orderPageUrl(order.id, "zh-CN"),
    );
    expect(await resolveOrderShortLink(order.code, "0000000000000")).toBeNull();
  });

  it("uses the English template for a buyer who reads English", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const phone = mobile();
    await paidTicketOrder({ phone, tickets: { sale, quantity: 1 }, locale: "en" });
    expect(received(phone).map((t) => t.templateCode)).toEqual(["SMS_100000012"]);
    expect((await rows(phone))[0]?.text).toContain("e-ticket(s)");
  });

  it("texts each farmer their products and quantities in the order, and no organiser", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const organiserPhone = mobile();
    const organiser = await db.user.create({
      data: {
        email: `organiser-${randomUUID()}@example.com`,
        name: "主办方",
        passwordHash: "x",
        role: "ORGANISER",
        phone: organiserPhone,
        verifiedPhone: organiserPhone,
      },
    });
    await db.festivalOrganiser.create({ data: { festivalId: sale.festival.id, userId: organiser.id } });
    const shop = await createShopFixture(db, [{}, {}]);
    const farmerPhone = mobile();
    await db.farmerProfile.update({ where: { id: shop.farmer.id }, data: { phone: farmerPhone } });
    const buyerPhone = mobile();
    const order = await paidTicketOrder({
      phone: buyerPhone,
      tickets: { sale, quantity: 1 },
      products: { shop, quantities: [2, 1] },
    });

    expect(received(farmerPhone)).toEqual([
      expect.objectContaining({
        templateCode: "SMS_100000051",
        templateParam: { product: "测试商品 0、测试商品 1", quantity: "2斤、1斤", order: order.code },
      }),
    ]);
    expect((await rows(farmerPhone))[0]).toMatchObject({ kind: "farmerOrder", error: null });
    expect(received(buyerPhone).map((t) => t.templateCode)).toEqual(["SMS_100000011"]);
    expect(received(organiserPhone)).toHaveLength(0);
    expect(await db.textMessage.count({ where: { to: organiserPhone } })).toBe(0);
  });

  it("never fails the payment when the gateway refuses the text: the order is paid, the outbox keeps the error", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const phone = mobile();
    const order = await pendingOrder({ phone, tickets: { sale, quantity: 1 } });
    peer.failNext("isv.BUSINESS_LIMIT_CONTROL");
    await expect(pay(order)).resolves.toMatchObject({ result: "paid", tickets: 1 });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "PAID" });
    expect(await db.ticket.count({ where: { orderId: order.id, status: "VALID" } })).toBe(1);
    expect(received(phone)).toHaveLength(0);
    const [row] = await rows(phone);
    expect(row).toMatchObject({ kind: "tickets", sentAt: null });
    expect(row?.error).toContain("isv.BUSINESS_LIMIT_CONTROL");
  });
});

describe("texts when seats come back and money goes back", () => {
  it("texts the refund to the buyer who cancels, and the offer with its deadline to the waiting list's first entry", async () => {
    const sale = await createSaleFixture(db, { capacity: 1 });
    const buyerPhone = mobile();
    const paid = await paidTicketOrder({ phone: buyerPhone, tickets: { sale, quantity: 1 } });
    const waiterPhone = mobile();
    const entry = await db.waitlistEntry.create({
      data: {
        sessionId: sale.session.id,
        ticketTypeId: sale.single.id,
        quantity: 1,
        customerName: "候补游客",
        customerPhone: waiterPhone,
        customerEmail: `waiter-${randomUUID()}@example.com`,
        leaveTokenHash: randomUUID(),
        verifiedAt: new Date(),
      },
    });
    const ticket = await db.ticket.findFirstOrThrow({ where: { orderId: paid.id } });
    await cancelOrder({ orderId: paid.id, ticketIds: [ticket.id], by: { kind: "buyer" } });

    expect(received(buyerPhone).map((t) => t.templateCode)).toEqual(["SMS_100000011", "SMS_100000041"]);
    expect(received(buyerPhone)[1]?.templateParam).toEqual({ order: paid.code, amount: "¥88.00" });
    const offered = await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, include: { order: true } });
    expect(offered.status).toBe("OFFERED");
    if (!offered.order || !offered.offerExpiresAt) throw new Error("no offer");
    expect(received(waiterPhone)).toEqual([
      expect.objectContaining({
        templateCode: "SMS_100000021",
        templateParam: {
          festival: "测试节",
          deadline: textDateTime("zh-CN", offered.offerExpiresAt),
          link: shortLink(offered.order),
        },
      }),
    ]);
  });

  it("texts the amount when a farmer's product line is refunded", async () => {
    const shop = await createShopFixture(db, [{ priceCents: 3000 }]);
    const phone = mobile();
    const order = await pendingOrder({ phone, products: { shop, quantities: [3] } });
    await expect(pay(order)).resolves.toMatchObject({ result: "paid" });
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: order.id, kind: "PRODUCT" } });
    await refundOrderLine(
      { kind: "farmer", farmer: shop.farmer, actor: { id: shop.user.id, email: shop.user.email, role: "FARMER" } },
      {
        itemId: line.id,
        refund: { by: "quantity", quantity: 1, includeDeliveryFee: false },
        reason: "spoiled",
        note: null,
      },
    );
    // A products-only order has no e-tickets to text; the refund is texted.
    expect(received(phone)).toEqual([
      expect.objectContaining({
        templateCode: "SMS_100000041",
        templateParam: { order: order.code, amount: "¥30.00" },
      }),
    ]);
  });
});

describe("quiet hours", () => {
  it("keeps a text written after 21:00 until 08:00, when the job sends it once even with two instances running it", async () => {
    const night = at(0, 22, 30);
    vi.setSystemTime(night);
    const sale = await createSaleFixture(db, { capacity: 10 });
    const phone = mobile();
    const order = await pendingOrder({ phone, tickets: { sale, quantity: 1 } });
    await expect(pay(order, night)).resolves.toMatchObject({ result: "paid" });
    expect(received(phone)).toHaveLength(0);
    const [waiting] = await rows(phone);
    expect(waiting).toMatchObject({ kind: "tickets", sentAt: null, error: null, provider: null, sendAfter: at(1, 8) });

    expect(await sendDueTexts(at(1, 7, 59))).toBe(0);
    expect(received(phone)).toHaveLength(0);
    vi.setSystemTime(at(1, 8, 1));
    const [one, two] = await Promise.all([sendDueTexts(at(1, 8, 1)), sendDueTexts(at(1, 8, 1))]);
    expect(one + two).toBeGreaterThanOrEqual(1);
    expect(received(phone)).toHaveLength(1);
    expect(received(phone)[0]?.templateParam.order).toBe(order.code);
    expect(await rows(phone)).toEqual([
      expect.objectContaining({ provider: "aliyun", error: null, sendAfter: at(1, 8), sentAt: expect.any(Date) }),
    ]);
    expect(await sendDueTexts(at(1, 9))).toBe(0);
    expect(received(phone)).toHaveLength(1);
  });

  it("sends a verification code at night at once, and never keeps waiting a text whose deadline comes before 08:00", async () => {
    const night = at(0, 23);
    vi.setSystemTime(night);
    const phone = mobile();
    const code = await sendTextMessage({
      to: phone,
      kind: "code",
      params: { code: "123456" },
      text: "123456",
      locale: "zh-CN",
      now: night,
    });
    expect(code.status).toBe("sent");
    const offer = await sendTextMessage({
      to: phone,
      kind: "waitlistOffer",
      params: { festival: "测试节", deadline: "23:30", link: "o/x/y" },
      text: "offer",
      locale: "zh-CN",
      now: night,
      expiresAt: at(0, 23, 30),
    });
    expect(offer.status).toBe("failed");
    expect(await db.textMessage.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      sendAfter: null,
      sentAt: null,
    });
    expect(await sendDueTexts(at(1, 8, 1))).toBe(0);
    expect(received(phone).map((t) => t.templateCode)).toEqual(["SMS_100000001"]);
  });
});

describe("the evening-before reminder", () => {
  it("reminds each paid order once when two instances run the job at once, not an account that turned reminders off", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 48 });
    const startsAt = sale.session.startsAt;
    const day = shanghaiDateParts(addDays(startsAt, -1));
    const evening = shanghaiTime(day.year, day.month, day.day, 19);
    const guestPhone = mobile();
    const guest = await paidTicketOrder({ phone: guestPhone, tickets: { sale, quantity: 1 } });
    const offPhone = mobile();
    const account = await db.user.create({
      data: { email: `reminders-${randomUUID()}@example.com`, name: "不要提醒", passwordHash: "x" },
    });
    await setTextReminders(account.id, { textReminders: false });
    const accountOrder = await paidTicketOrder({ phone: offPhone, tickets: { sale, quantity: 1 }, userId: account.id });
    // A guest order placed with the number that account proved is not reminded either.
    const provenPhone = mobile();
    await db.user.update({ where: { id: account.id }, data: { verifiedPhone: provenPhone } });
    await paidTicketOrder({ phone: provenPhone, tickets: { sale, quantity: 1 } });

    expect(await sendSessionReminders(shanghaiTime(day.year, day.month, day.day, 17, 59))).toBe(0);
    vi.setSystemTime(evening);
    await Promise.all([sendSessionReminders(evening), sendSessionReminders(evening)]);
    await sendSessionReminders(new Date(evening.getTime() + 30 * 60_000));

    const reminders = (to: string) => received(to).filter((t) => t.templateCode === "SMS_100000031");
    expect(reminders(guestPhone)).toEqual([
      expect.objectContaining({
        templateParam: { festival: "测试节", time: textDateTime("zh-CN", startsAt), link: shortLink(guest) },
      }),
    ]);
    expect((await db.order.findUniqueOrThrow({ where: { id: guest.id } })).reminderSentAt).toEqual(evening);
    expect(reminders(offPhone)).toHaveLength(0);
    expect(reminders(provenPhone)).toHaveLength(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: accountOrder.id } })).reminderSentAt).toBeNull();
  });
});
