import { afterAll, describe, expect, it } from "vitest";
import { festivalScope } from "../../modules/auth/festival-scope";
import { offerReturnedSeats } from "../../modules/inventory/offer-returned-seats";
import { releaseExpiredHolds } from "../../modules/inventory/release-expired-holds";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { joinWaitlistResponse, leaveWaitlistResponse } from "../../modules/waitlist/api";
import { joinWaitlist } from "../../modules/waitlist/join-waitlist";
import { festivalWaitlist } from "../../modules/waitlist/queries";
import { setWaitlistClosed } from "../../modules/waitlist/set-waitlist-closed";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

type Sale = Awaited<ReturnType<typeof createSaleFixture>>;

let n = 0;
/** A waiting visitor of the test's own (own mobile number and e-mail). */
const waiter = () => buyer(500_000 + (Date.now() % 100_000) * 10 + ++n);

// Waiting visitors who proved their numbers (unproven ones: waitlist-phones.test.ts).
const proven = { has: () => true };
const caller = { locale: "zh-CN" as const, userId: null, address: "127.0.0.1", provenPhones: proven };

function join(slug: string, body: Record<string, unknown>, locale: "zh-CN" | "en" = "zh-CN") {
  return joinWaitlistResponse(
    new Request(`http://127.0.0.1/api/festivals/${slug}/waitlist`, {
      method: "POST",
      body: JSON.stringify({ privacyConsent: PRIVACY_NOTICE_VERSION, ...body }),
    }),
    slug,
    { ...caller, locale },
  );
}

const entryBody = (sale: Sale, quantity: number, customer = waiter(), ticketTypeId = sale.single.id) => ({
  sessionId: sale.session.id,
  ticketTypeId,
  quantity,
  customer,
});

/** A paid order of `quantity` single tickets for the session, by its own buyer. */
async function paidOrder(sale: Sale, quantity: number) {
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity }],
      customer: buyer(900_000 + ++n),
    },
    { userId: null, locale: "zh-CN" },
  );
  await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  return created.order.id;
}

/** A session sold out by `orders` paid orders of `each` tickets. */
async function soldOut(orders: number, each = 1) {
  const sale = await createSaleFixture(db, { capacity: orders * each });
  const ids: string[] = [];
  for (let i = 0; i < orders; i++) ids.push(await paidOrder(sale, each));
  return { sale, orderIds: ids };
}

async function joined(sale: Sale, quantity: number, customer = waiter()) {
  const result = await joinWaitlist(
    sale.festival.slug,
    { ...entryBody(sale, quantity, customer), privacyConsent: PRIVACY_NOTICE_VERSION },
    { userId: null, locale: "zh-CN", provenPhones: proven },
  );
  if (!result) throw new Error("festival not found");
  return { ...result, customer };
}

const entry = (id: string) => db.waitlistEntry.findUniqueOrThrow({ where: { id } });

/** Cancels `count` tickets of a paid order, as its buyer. */
async function cancelTickets(orderId: string, count: number) {
  const tickets = await db.ticket.findMany({ where: { orderId, status: "VALID" }, take: count });
  return cancelOrder({ orderId, ticketIds: tickets.map((t) => t.id), by: { kind: "buyer" } });
}

/** Reserved seats equal the valid tickets plus the seats active holds keep, and never pass capacity. */
async function expectSeatsAddUp(sessionId: string) {
  const session = await db.festivalSession.findUniqueOrThrow({ where: { id: sessionId } });
  const tickets = await db.ticket.count({ where: { sessionId, status: "VALID" } });
  const held = await db.hold.aggregate({ where: { sessionId, status: "ACTIVE" }, _sum: { quantity: true } });
  expect(session.reserved).toBe(tickets + (held._sum.quantity ?? 0));
  expect(session.reserved).toBeLessThanOrEqual(session.capacity);
  return session;
}

const minutes = (m: number) => new Date(Date.now() + m * 60_000);

describe("joining the waiting list", () => {
  it("answers 201 with the place in the list and mails the place and a leave link", async () => {
    const { sale } = await soldOut(2, 2);
    const first = waiter();
    const a = await join(sale.festival.slug, entryBody(sale, 2, first));
    expect(a.status).toBe(201);
    const body = await a.json();
    expect(body).toEqual({ entry: { id: expect.any(String), position: 1 } });
    const b = await join(sale.festival.slug, entryBody(sale, 1), "en");
    expect((await b.json()).entry.position).toBe(2);
    const stored = await entry(body.entry.id);
    expect(stored).toMatchObject({
      status: "WAITING",
      quantity: 2,
      customerEmail: first.email,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    });
    const mail = await db.email.findFirstOrThrow({ where: { to: first.email }, orderBy: { createdAt: "desc" } });
    expect(mail.text).toContain("第 1 位");
    const link = /\/festivals\/[^/\s]+\/waitlist\/([^?\s]+)\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link?.[1]).toBe(body.entry.id);
    // Only the token's hash is kept.
    expect(stored.leaveTokenHash).not.toContain(link?.[2]);
  });

  it("answers 409 seats_available while the session has the seats", async () => {
    const sale = await createSaleFixture(db, { capacity: 3 });
    await paidOrder(sale, 1);
    const response = await join(sale.festival.slug, entryBody(sale, 2));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "seats_available", remaining: 2 });
    // Three seats asked, two left: that one may wait. A family ticket counts three seats.
    expect((await join(sale.festival.slug, entryBody(sale, 3))).status).toBe(201);
    expect((await join(sale.festival.slug, entryBody(sale, 1, waiter(), sale.family.id))).status).toBe(201);
    expect(await db.waitlistEntry.count({ where: { sessionId: sale.session.id } })).toBe(2);
  });

  it("refuses bad requests with 400 and field errors, an unknown festival with 404", async () => {
    const { sale } = await soldOut(1);
    const other = await createSaleFixture(db, { capacity: 1 });
    const slug = sale.festival.slug;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...entryBody(sale, 0) }, "quantity"],
      [{ ...entryBody(sale, 1.5) }, "quantity"],
      // The family ticket's per-order maximum is 4.
      [{ ...entryBody(sale, 5, waiter(), sale.family.id) }, "quantity"],
      [{ ...entryBody(sale, 1), sessionId: other.session.id }, "sessionId"],
      [{ ...entryBody(sale, 1), ticketTypeId: other.single.id }, "ticketTypeId"],
      [{ ...entryBody(sale, 1), customer: { ...waiter(), phone: "12345" } }, "customer.phone"],
      [{ ...entryBody(sale, 1), customer: { ...waiter(), email: "not-an-email" } }, "customer.email"],
      [{ ...entryBody(sale, 1), privacyConsent: "" }, "privacyConsent"],
    ];
    for (const [body, field] of cases) {
      const response = await join(slug, body);
      expect(response.status, field).toBe(400);
      const answer = await response.json();
      expect(answer.error).toBe("invalid_request");
      expect(Object.keys(answer.fields)).toContain(field);
      expect(answer.fields[field]).toMatch(/\S/);
    }
    // The documented body without a consent is taken; the entry records none.
    const bare = await joinWaitlistResponse(
      new Request(`http://127.0.0.1/api/festivals/${slug}/waitlist`, {
        method: "POST",
        body: JSON.stringify(entryBody(sale, 1)),
      }),
      slug,
      caller,
    );
    expect(bare.status).toBe(201);
    const { entry } = await bare.json();
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      privacyConsentVersion: null,
    });
    await db.waitlistEntry.delete({ where: { id: entry.id } });
    const malformed = await joinWaitlistResponse(
      new Request(`http://127.0.0.1/api/festivals/${slug}/waitlist`, { method: "POST", body: "{not json" }),
      slug,
      caller,
    );
    expect(malformed.status).toBe(400);
    expect((await join("no-such-festival", entryBody(sale, 1))).status).toBe(404);
    expect(await db.waitlistEntry.count({ where: { sessionId: sale.session.id } })).toBe(0);
  });

  it("refuses a session not on sale (400), a closed list and a second entry of the same buyer (409)", async () => {
    const closedSale = await createSaleFixture(db, { capacity: 1, salesOpen: false });
    const notOnSale = await join(closedSale.festival.slug, entryBody(closedSale, 2));
    expect(notOnSale.status).toBe(400);
    expect((await notOnSale.json()).fields.sessionId).toMatch(/\S/);

    const { sale } = await soldOut(1);
    const me = waiter();
    expect((await join(sale.festival.slug, entryBody(sale, 1, me))).status).toBe(201);
    const again = await join(sale.festival.slug, entryBody(sale, 2, { ...waiter(), phone: me.phone }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: "already_waiting", position: 1 });

    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    await setWaitlistClosed(admin, { all: true }, sale.session.id, true);
    const closed = await join(sale.festival.slug, entryBody(sale, 1));
    expect(closed.status).toBe(409);
    expect((await closed.json()).error).toBe("waitlist_closed");
  });
});

describe("offering returned seats", () => {
  it("offers in list order, lets a smaller later entry take seats a bigger one cannot use, and mails the offer", async () => {
    const { sale, orderIds } = await soldOut(6);
    const big = await joined(sale, 3);
    const small = await joined(sale, 1);
    const middle = await joined(sale, 2);
    // Two seats come back: the first entry (3) does not fit, the next one that fits (1) gets them.
    await cancelTickets(orderIds[0] ?? "", 1);
    await cancelTickets(orderIds[1] ?? "", 1);
    expect((await entry(big.entry.id)).status).toBe("WAITING");
    expect((await entry(small.entry.id)).status).toBe("OFFERED");
    // After the small one's seat, one is left: not enough for the entry of 2 behind it.
    expect((await entry(middle.entry.id)).status).toBe("WAITING");
    const offered = await entry(small.entry.id);
    expect(offered.orderId).not.toBeNull();
    const order = await db.order.findUniqueOrThrow({
      where: { id: offered.orderId ?? "" },
      include: { items: true, holds: true },
    });
    expect(order).toMatchObject({ status: "PENDING", customerEmail: small.customer.email, totalCents: 8800 });
    expect(order.items).toMatchObject([{ sessionId: sale.session.id, ticketTypeId: sale.single.id, quantity: 1 }]);
    expect(order.holds).toMatchObject([{ sessionId: sale.session.id, quantity: 1, status: "ACTIVE" }]);
    expect(Math.round((order.expiresAt.getTime() - (offered.offeredAt?.getTime() ?? 0)) / 60_000)).toBe(30);
    const mail = await db.email.findFirstOrThrow({ where: { orderId: order.id } });
    expect(mail.to).toBe(small.customer.email);
    expect(mail.text).toContain(`/orders/${order.id}?token=`);
    expect(mail.text).toContain(order.code);
    // One more comes back (two free): the first entry still does not fit, the entry of 2 behind it does.
    await cancelTickets(orderIds[2] ?? "", 1);
    expect((await entry(big.entry.id)).status).toBe("WAITING");
    expect((await entry(middle.entry.id)).status).toBe("OFFERED");
    // Three more (three free, one at a time): the first entry gets its three only once all three are back.
    await cancelTickets(orderIds[3] ?? "", 1);
    await cancelTickets(orderIds[4] ?? "", 1);
    expect((await entry(big.entry.id)).status).toBe("WAITING");
    await cancelTickets(orderIds[5] ?? "", 1);
    expect((await entry(big.entry.id)).status).toBe("OFFERED");
    const session = await expectSeatsAddUp(sale.session.id);
    expect(session.reserved).toBe(6);
  });

  it("passes an unclaimed offer on when it expires, and a paid offer is claimed", async () => {
    const { sale, orderIds } = await soldOut(2, 2);
    const first = await joined(sale, 2);
    const second = await joined(sale, 2);
    await cancelOrder({ orderId: orderIds[0] ?? "", ticketIds: "all", by: { kind: "buyer" } });
    const offer = await entry(first.entry.id);
    expect(offer.status).toBe("OFFERED");
    expect((await entry(second.entry.id)).status).toBe("WAITING");
    // Before the deadline nothing moves; after it the seats pass to the next entry.
    await releaseExpiredHolds(minutes(29), { sessionIds: [sale.session.id] });
    expect((await entry(first.entry.id)).status).toBe("OFFERED");
    await releaseExpiredHolds(minutes(31), { sessionIds: [sale.session.id] });
    expect((await entry(first.entry.id)).status).toBe("EXPIRED");
    const next = await entry(second.entry.id);
    expect(next.status).toBe("OFFERED");
    expect((await db.order.findUniqueOrThrow({ where: { id: offer.orderId ?? "" } })).status).toBe("EXPIRED");
    // The second visitor pays through their offer (demo payment).
    const order = await db.order.findUniqueOrThrow({ where: { id: next.orderId ?? "" } });
    expect(await payDemo(order)).toEqual({ result: "paid", tickets: 2 });
    expect((await entry(second.entry.id)).status).toBe("CLAIMED");
    expect(await db.ticket.count({ where: { orderId: order.id, status: "VALID" } })).toBe(2);
    const session = await expectSeatsAddUp(sale.session.id);
    expect(session.reserved).toBe(4);
  });

  it("makes no offers on a closed list; reopening offers at once", async () => {
    const { sale, orderIds } = await soldOut(2);
    const waiting = await joined(sale, 1);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    expect(await setWaitlistClosed(admin, { all: true }, sale.session.id, true)).toEqual({ closed: true, entries: 1 });
    expect((await entry(waiting.entry.id)).status).toBe("CLOSED");
    await cancelTickets(orderIds[0] ?? "", 1);
    expect(await offerReturnedSeats(sale.session.id)).toEqual([]);
    expect((await entry(waiting.entry.id)).status).toBe("CLOSED");
    expect(await db.auditLog.count({ where: { action: "festival.waitlistClose", festivalId: sale.festival.id } })).toBe(
      1,
    );
    await setWaitlistClosed(admin, { all: true }, sale.session.id, false);
    expect((await entry(waiting.entry.id)).status).toBe("OFFERED");
    await expectSeatsAddUp(sale.session.id);
  });

  it("offers seats a raised capacity adds", async () => {
    const { sale } = await soldOut(2);
    const waiting = await joined(sale, 2);
    await db.festivalSession.update({ where: { id: sale.session.id }, data: { capacity: 4 } });
    await offerReturnedSeats(sale.session.id);
    expect((await entry(waiting.entry.id)).status).toBe("OFFERED");
    expect((await expectSeatsAddUp(sale.session.id)).reserved).toBe(4);
  });
});

describe("leaving the waiting list", () => {
  it("leaves with the mailed token only; an offer's seats pass on at once", async () => {
    const { sale, orderIds } = await soldOut(2);
    const first = await joined(sale, 1);
    const second = await joined(sale, 1);
    const leave = (id: string, token: string) =>
      leaveWaitlistResponse(
        new Request(`http://127.0.0.1/api/festivals/${sale.festival.slug}/waitlist/${id}?token=${token}`, {
          method: "DELETE",
        }),
        sale.festival.slug,
        id,
        "zh-CN",
      );
    expect((await leave(first.entry.id, second.leaveToken)).status).toBe(404);
    expect((await leave(first.entry.id, "short")).status).toBe(404);
    expect(
      (
        await leaveWaitlistResponse(
          new Request(`http://127.0.0.1/x?token=${first.leaveToken}`, { method: "DELETE" }),
          "another-festival",
          first.entry.id,
          "zh-CN",
        )
      ).status,
    ).toBe(404);
    expect((await entry(first.entry.id)).status).toBe("WAITING");

    await cancelTickets(orderIds[0] ?? "", 1);
    const offer = await entry(first.entry.id);
    expect(offer.status).toBe("OFFERED");
    const left = await leave(first.entry.id, first.leaveToken);
    expect(left.status).toBe(200);
    expect(await left.json()).toEqual({ entry: { id: first.entry.id, status: "left" } });
    expect((await entry(first.entry.id)).status).toBe("LEFT");
    expect((await db.order.findUniqueOrThrow({ where: { id: offer.orderId ?? "" } })).status).toBe("CANCELLED");
    expect((await entry(second.entry.id)).status).toBe("OFFERED");
    // Twice is the same as once.
    expect((await leave(first.entry.id, first.leaveToken)).status).toBe(200);
    await expectSeatsAddUp(sale.session.id);

    // A paid offer is not left (its tickets are cancelled like any other).
    const claimed = await entry(second.entry.id);
    await payDemo(await db.order.findUniqueOrThrow({ where: { id: claimed.orderId ?? "" } }));
    const refused = await leave(second.entry.id, second.leaveToken);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe("already_claimed");
  });
});

describe("the organiser's list", () => {
  it("shows entries in list order with their status and the seats the list resold, for their festivals only", async () => {
    const { sale, orderIds } = await soldOut(2);
    const a = await joined(sale, 1);
    const b = await joined(sale, 1);
    await cancelTickets(orderIds[0] ?? "", 1);
    const offered = await entry(a.entry.id);
    await payDemo(await db.order.findUniqueOrThrow({ where: { id: offered.orderId ?? "" } }));
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    const list = await festivalWaitlist(await festivalScope(admin), sale.festival.id);
    expect(list?.sessions[0]).toMatchObject({
      id: sale.session.id,
      closed: false,
      resold: 1,
      entries: [
        { position: 1, id: a.entry.id, status: "CLAIMED", quantity: 1 },
        { position: 2, id: b.entry.id, status: "WAITING", quantity: 1 },
      ],
    });
    const stranger = await db.user.create({
      data: { email: `org-${Date.now()}-${++n}@example.com`, name: "别人", passwordHash: "x", role: "ORGANISER" },
    });
    expect(await festivalWaitlist(await festivalScope(stranger), sale.festival.id)).toBeNull();
    await expect(setWaitlistClosed(stranger, await festivalScope(stranger), sale.session.id, true)).rejects.toThrow(
      "errors.notFound",
    );
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: sale.session.id } })).waitlistClosed).toBe(false);
  });
});

describe("many seats returning at once", () => {
  it("never offers an entry twice, never holds more than capacity, and the seats add up", async () => {
    const { sale, orderIds } = await soldOut(24);
    const entries = [];
    for (const q of [3, 1, 2, 2, 1, 3, 1, 2, 1, 1, 2, 3, 1, 2, 1, 1]) entries.push(await joined(sale, q));

    // Round 1: twelve cancellations at once, with walks of the list running beside them.
    await Promise.all([
      ...orderIds.slice(0, 12).map((id) => cancelOrder({ orderId: id, ticketIds: "all", by: { kind: "buyer" } })),
      ...Array.from({ length: 4 }, () => offerReturnedSeats(sale.session.id)),
    ]);
    await expectSeatsAddUp(sale.session.id);

    // Round 2: half the offers are paid while the rest run out and more tickets come back, all at once.
    const offered = await db.waitlistEntry.findMany({ where: { sessionId: sale.session.id, status: "OFFERED" } });
    expect(offered.length).toBeGreaterThan(0);
    const paying = offered.filter((_, i) => i % 2 === 0);
    await Promise.all([
      ...paying.map(async (e) => payDemo(await db.order.findUniqueOrThrow({ where: { id: e.orderId ?? "" } }))),
      releaseExpiredHolds(minutes(31), { sessionIds: [sale.session.id] }),
      ...orderIds.slice(12, 18).map((id) => cancelOrder({ orderId: id, ticketIds: "all", by: { kind: "buyer" } })),
      ...Array.from({ length: 3 }, () => offerReturnedSeats(sale.session.id, minutes(31))),
    ]);
    await releaseExpiredHolds(minutes(62), { sessionIds: [sale.session.id] });
    const session = await expectSeatsAddUp(sale.session.id);

    // Each entry got at most one offer: one order per waiting visitor, and every offer order is an entry's.
    const all = await db.waitlistEntry.findMany({ where: { sessionId: sale.session.id } });
    const emails = all.map((e) => e.customerEmail);
    const offerOrders = await db.order.findMany({
      where: { customerEmail: { in: emails } },
      select: { id: true, customerEmail: true },
    });
    expect(new Set(offerOrders.map((o) => o.customerEmail)).size).toBe(offerOrders.length);
    expect(offerOrders.map((o) => o.id).sort()).toEqual(all.flatMap((e) => (e.orderId ? [e.orderId] : [])).sort());
    // A paid offer is claimed; every entry with an order is offered, claimed or expired.
    for (const e of all) {
      if (e.orderId) expect(["OFFERED", "CLAIMED", "EXPIRED"]).toContain(e.status);
      else expect(e.status).toBe("WAITING");
    }
    // A payment that lost the race with its offer's expiry does not claim (its money is refunded).
    const claimed = all.filter((e) => e.status === "CLAIMED");
    expect(claimed.every((e) => paying.some((p) => p.id === e.id))).toBe(true);
    const soldTickets = await db.ticket.count({ where: { sessionId: sale.session.id, status: "VALID" } });
    expect(soldTickets).toBe(6 + claimed.reduce((sum, e) => sum + e.quantity, 0));
    expect(session.reserved).toBeLessThanOrEqual(session.capacity);
  }, 120_000);
});
