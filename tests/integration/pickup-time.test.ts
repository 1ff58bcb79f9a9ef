import { afterAll, describe, expect, it } from "vitest";
import { shanghaiDateTimeText, startOfShanghaiDay, wallTime } from "../../lib/dates";
import { farmerLines, farmerLinesCsv } from "../../modules/farmers/order-line-queries";
import { createOrderResponse, orderResponse } from "../../modules/orders/api";
import { markOrderPaid } from "../../modules/orders/mark-order-paid";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { createShopFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// A workshop pickup planned for a day and time (the trip planner's "buy what this plan
// needs"): the order line keeps it, inside the product's harvest window, for the farmer.

afterAll(() => db.$disconnect());

const caller = (locale: "zh-CN" | "en" = "zh-CN") => ({
  locale,
  userId: null,
  address: "127.0.0.1",
  provenPhones: { has: () => true },
});
const post = (body: object, locale: "zh-CN" | "en" = "zh-CN") =>
  createOrderResponse(
    new Request("http://127.0.0.1/api/orders", {
      method: "POST",
      body: JSON.stringify({ privacyConsent: PRIVACY_NOTICE_VERSION, customer, ...body }),
    }),
    caller(locale),
  );
const pickup = (productId: string, fulfilment: object) => ({ kind: "product", productId, quantity: 1, fulfilment });

const DAY = 86_400_000;
/** Suoqian midnight `days` days from today. */
const midnight = (days: number) => {
  const [year, month, day] = wallTime(new Date(Date.now() + days * DAY))
    .slice(0, 10)
    .split("-")
    .map(Number);
  return startOfShanghaiDay({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
};
/** 12:15 in Suoqian, `days` days from today, as the API takes it. */
const noonish = (days: number) => `${wallTime(midnight(days)).slice(0, 10)}T12:15`;
const counts = async () => ({
  orders: await db.order.count(),
  items: await db.orderItem.count(),
  holds: await db.hold.count(),
});

describe("a planned workshop pickup time", () => {
  it("is kept on the order line, shown to the buyer and to the farmer (inbox and CSV)", async () => {
    // Harvest from yesterday until (not including) midnight ten days on.
    const shop = await createShopFixture(db, [{ availableFrom: midnight(-1), availableUntil: midnight(10) }]);
    const id = shop.products[0]?.id ?? "";
    const at = noonish(3);
    const res = await post({ items: [pickup(id, { method: "workshop_pickup", at })] });
    expect(res.status).toBe(201);
    const created = await res.json();
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: created.order.id } });
    expect(line.fulfilmentMethod).toBe("WORKSHOP_PICKUP");
    expect(line.pickupAt?.toISOString()).toBe(new Date(`${at}:00+08:00`).toISOString());

    const read = await orderResponse(
      created.order.id,
      new Request(`http://127.0.0.1/api/orders/${created.order.id}?token=${created.accessToken}`),
      caller(),
    );
    const { order } = await read.json();
    expect(order.items[0].fulfilment).toMatchObject({
      method: "workshop_pickup",
      pickupAt: line.pickupAt?.toISOString(),
    });

    await markOrderPaid({
      orderId: created.order.id,
      provider: "DEMO",
      providerRef: `demo_${created.order.id}`,
      amountCents: created.order.totalCents,
      currency: "CNY",
      eventId: `evt_${Math.random()}`,
    });
    const [inbox] = await farmerLines(shop.farmer, { status: "open", day: null });
    expect(inbox?.pickupAt?.toISOString()).toBe(line.pickupAt?.toISOString());
    const csv = (await farmerLinesCsv(shop.farmer, { status: "all", day: null }, "zh-CN")).replace(/^\uFEFF/, "");
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toContain("自提时间");
    expect(row).toContain(`"${at.replace("T", " ")}"`);
    expect(shanghaiDateTimeText(line.pickupAt ?? new Date(0))).toBe(at.replace("T", " "));
  });

  it("may be planned before the harvest opens (a pre-order), up to the window's last minute", async () => {
    const shop = await createShopFixture(db, [{ availableFrom: midnight(5), availableUntil: midnight(7) }]);
    const id = shop.products[0]?.id ?? "";
    const first = wallTime(midnight(5));
    const last = wallTime(new Date(midnight(7).getTime() - 60_000));
    for (const at of [first, last]) {
      const res = await post({ items: [pickup(id, { method: "workshop_pickup", at })] });
      expect(res.status, at).toBe(201);
    }
  });

  it("outside the harvest window is refused with a field error in the buyer's language, and nothing is written", async () => {
    const shop = await createShopFixture(db, [{ availableFrom: midnight(2), availableUntil: midnight(4) }]);
    const id = shop.products[0]?.id ?? "";
    const before = await counts();
    for (const at of [
      noonish(1),
      wallTime(new Date(midnight(2).getTime() - 60_000)),
      wallTime(midnight(4)),
      noonish(9),
    ]) {
      const res = await post({ items: [pickup(id, { method: "workshop_pickup", at })] });
      expect(res.status, at).toBe(400);
      const body = await res.json();
      expect(body.error).toBe("invalid_request");
      expect(body.fields["items.0.fulfilment.at"], at).toContain("采摘期");
    }
    const english = await post({ items: [pickup(id, { method: "workshop_pickup", at: noonish(9) })] }, "en");
    expect(english.status).toBe(400);
    expect((await english.json()).fields["items.0.fulfilment.at"]).toContain("harvest window");
    expect(await counts()).toEqual(before);
  });

  it("that is not a Suoqian date and time to the minute is refused, and nothing is written", async () => {
    const shop = await createShopFixture(db, [{}]);
    const id = shop.products[0]?.id ?? "";
    const before = await counts();
    const day = noonish(3).slice(0, 10);
    for (const at of [
      `${day} 12:15`,
      `${day}T12:15:00`,
      `${day}T12:15+08:00`,
      `${day}T04:15:00.000Z`,
      `${day}T24:00`,
      "2027-02-30T12:00",
      "12:15",
      "",
      1_781_000_000_000,
      null,
    ]) {
      const res = await post({ items: [pickup(id, { method: "workshop_pickup", at })] });
      expect(res.status, String(at)).toBe(400);
      const body = await res.json();
      expect(body.fields["items.0.fulfilment.at"], String(at)).toContain("2027-06-20T12:15");
    }
    expect(await counts()).toEqual(before);
  });

  it("may be left out, as before: the line has no time", async () => {
    const shop = await createShopFixture(db, [{ availableFrom: midnight(-1), availableUntil: midnight(10) }]);
    const id = shop.products[0]?.id ?? "";
    for (const item of [pickup(id, { method: "workshop_pickup" }), { kind: "product", productId: id, quantity: 1 }]) {
      const res = await post({ items: [item] });
      expect(res.status).toBe(201);
      const created = await res.json();
      const line = await db.orderItem.findFirstOrThrow({ where: { orderId: created.order.id } });
      expect(line.pickupAt).toBeNull();
      const read = await orderResponse(
        created.order.id,
        new Request(`http://127.0.0.1/api/orders/${created.order.id}?token=${created.accessToken}`),
        caller(),
      );
      expect((await read.json()).order.items[0].fulfilment).toMatchObject({
        method: "workshop_pickup",
        pickupAt: null,
      });
    }
  });
});
