import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});

import { NextRequest } from "next/server";
import { GET as holdsJson } from "../../app/api/festivals/[slug]/holds/route";
import { apiTranslator } from "../../lib/i18n/api";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { releaseHoldsAction } from "../../modules/bookings/actions";
import { heldSeatsByAddress } from "../../modules/bookings/held-seats";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// Scripts once held every seat of a festival from one address under made-up numbers.
// The organiser sees each session's unpaid holds by client address and releases a
// group; nobody else can, and a release touches exactly that group.

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

const t = apiTranslator("zh-CN");
type Sale = Awaited<ReturnType<typeof createSaleFixture>>;

const SCRIPT = "203.0.113.7";
const NEIGHBOUR = "198.51.100.2";

let n = 610_000;
async function userWith(role: CurrentUser["role"], name: string): Promise<CurrentUser> {
  return db.user.create({
    data: { email: `${name}-${Date.now()}-${++n}@example.com`, name, passwordHash: "x", role },
    select: { id: true, email: true, name: true, role: true },
  });
}

async function organiserOf(sale: Sale): Promise<CurrentUser> {
  const user = await userWith("ORGANISER", "holds-organiser");
  await db.festivalOrganiser.create({ data: { festivalId: sale.festival.id, userId: user.id } });
  return user;
}

/** An unpaid order of `seats` tickets from a client address, its number proven or not, by a buyer of its own. */
async function heldOrder(sale: Sale, seats: number, clientAddress: string | null, phoneVerified = false) {
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: seats }],
      customer: buyer(++n),
    },
    // Placed past the checkout's number rules; the address and proof are set as the test needs.
    { userId: null, locale: "zh-CN", provenPhones: { has: () => true } },
  );
  await db.order.update({ where: { id: created.order.id }, data: { clientAddress, phoneVerified } });
  return created.order.id;
}

async function paidOrder(sale: Sale, seats: number, clientAddress: string) {
  const id = await heldOrder(sale, seats, clientAddress);
  expect(await payDemo(await db.order.findUniqueOrThrow({ where: { id } }))).toMatchObject({ result: "paid" });
  return id;
}

/** A session of its own: the script's four orders (one with a proven number), a neighbour's, a paid one. */
async function crowdedSession() {
  const sale = await createSaleFixture(db, { capacity: 40 });
  const script = [
    await heldOrder(sale, 2, SCRIPT),
    await heldOrder(sale, 2, SCRIPT),
    await heldOrder(sale, 2, SCRIPT),
    await heldOrder(sale, 2, SCRIPT, true),
  ];
  const neighbour = await heldOrder(sale, 1, NEIGHBOUR, true);
  const paid = await paidOrder(sale, 3, SCRIPT);
  return { sale, script, neighbour, paid, organiser: await organiserOf(sale) };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const idle = { status: "idle" } as const;
const release = (as: CurrentUser | null, fields: Record<string, string>) => {
  signedIn.mockResolvedValue(as);
  return releaseHoldsAction(idle, form(fields));
};

const reserved = async (sessionId: string) =>
  (await db.festivalSession.findUniqueOrThrow({ where: { id: sessionId } })).reserved;
const statusOf = async (ids: string[]) =>
  (await db.order.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } })).map((o) => o.status);
const releaseEntries = (festivalId: string) =>
  db.auditLog.findMany({ where: { festivalId, action: "booking.releaseHolds" } });

/** What must not have changed after a refused or mistaken release. */
async function snapshot(sale: Sale, orderIds: string[]) {
  return {
    reserved: await reserved(sale.session.id),
    statuses: await statusOf(orderIds),
    activeHolds: await db.hold.count({ where: { sessionId: sale.session.id, status: "ACTIVE" } }),
    audit: await db.auditLog.count({ where: { festivalId: sale.festival.id } }),
  };
}

describe("seats held unpaid, per session", () => {
  it("counts sold and held seats and groups the unpaid holds by client address, largest first", async () => {
    const { sale, script } = await crowdedSession();
    // A hold whose time is up but that the sweeper has not reached yet is no longer "held".
    const lapsed = await heldOrder(sale, 5, "192.0.2.50");
    await db.hold.updateMany({ where: { orderId: lapsed }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    const [session] = await heldSeatsByAddress(sale.festival.id);
    expect(session).toMatchObject({ id: sale.session.id, capacity: 40, sold: 3, held: 9, groupCount: 2 });
    const [first, second] = session?.groups ?? [];
    expect(first).toMatchObject({
      clientAddress: SCRIPT,
      orders: 4,
      seats: 8,
      unverifiedOrders: 3,
      unverifiedSeats: 6,
    });
    expect(first?.phones).toHaveLength(4);
    for (const phone of first?.phones ?? []) expect(phone).toMatch(/^139\*{4}\d{4}$/);
    const created = await db.hold.findMany({ where: { orderId: { in: script } }, select: { createdAt: true } });
    const times = created.map((h) => h.createdAt.getTime());
    expect(first?.firstHeldAt.getTime()).toBe(Math.min(...times));
    expect(first?.lastHeldAt.getTime()).toBe(Math.max(...times));
    expect(second).toMatchObject({ clientAddress: NEIGHBOUR, orders: 1, seats: 1, unverifiedOrders: 0 });
  });

  it("answers the same as JSON to the festival's organiser, and 'not found' to another festival's", async () => {
    const { sale, organiser } = await crowdedSession();
    const other = await organiserOf(await createSaleFixture(db, { capacity: 5 }));
    const get = (as: CurrentUser) => {
      signedIn.mockResolvedValue(as);
      const url = `http://127.0.0.1:3000/api/festivals/${sale.festival.slug}/holds?session=${sale.session.id}`;
      return holdsJson(new NextRequest(url), { params: Promise.resolve({ slug: sale.festival.slug }) });
    };
    const answer = await get(organiser);
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0]).toMatchObject({ sold: 3, held: 9, groups: [{ clientAddress: SCRIPT, seats: 8 }, {}] });
    expect((await get(other)).status).toBe(404);
  });
});

describe("releasing a group of holds", () => {
  it("frees exactly that address's seats: other holds and paid orders stay, the log records it", async () => {
    const { sale, script, neighbour, paid, organiser } = await crowdedSession();
    expect(await reserved(sale.session.id)).toBe(12);

    const answer = await release(organiser, { sessionId: sale.session.id, clientAddress: SCRIPT });
    expect(answer).toEqual({ status: "success", data: { orders: 4, seats: 8, skipped: 0, remaining: 0 } });
    expect(await reserved(sale.session.id)).toBe(4);
    expect(await statusOf(script)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await db.hold.count({ where: { orderId: { in: script }, status: "ACTIVE" } })).toBe(0);
    // The neighbour's hold and the paid order from the same address are untouched.
    expect(await statusOf([neighbour])).toEqual(["PENDING"]);
    expect(await db.hold.count({ where: { orderId: neighbour, status: "ACTIVE" } })).toBe(1);
    expect(await statusOf([paid])).toEqual(["PAID"]);
    expect(await db.ticket.count({ where: { orderId: paid, status: "VALID" } })).toBe(3);

    const [entry, ...more] = await releaseEntries(sale.festival.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: organiser.id, entityType: "festival", entityId: sale.festival.id });
    expect(entry?.changes).toMatchObject({
      session: sale.session.id,
      clientAddress: SCRIPT,
      unverifiedOnly: false,
      orders: 4,
      seats: 8,
    });
    // Each order's cancellation is on record too, as any staff cancellation is.
    expect(await db.auditLog.count({ where: { action: "booking.cancel", entityId: { in: script } } })).toBe(4);

    // Again: nothing left to release, said plainly, nothing recorded.
    expect(await release(organiser, { sessionId: sale.session.id, clientAddress: SCRIPT })).toMatchObject({
      status: "error",
      message: t("bookings.holds.noneToRelease"),
    });
    expect(await releaseEntries(sale.festival.id)).toHaveLength(1);
  });

  it("releases only the orders with unverified numbers when asked", async () => {
    const { sale, script, organiser } = await crowdedSession();
    const answer = await release(organiser, {
      sessionId: sale.session.id,
      clientAddress: SCRIPT,
      unverifiedOnly: "true",
    });
    expect(answer).toMatchObject({ status: "success", data: { orders: 3, seats: 6 } });
    // The first three have unverified numbers; the fourth's number was proven.
    const [a = "", b = "", c = "", proven = ""] = script;
    expect(await statusOf([a, b, c])).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(await statusOf([proven])).toEqual(["PENDING"]);
    expect(await reserved(sale.session.id)).toBe(12 - 6);
    expect((await releaseEntries(sale.festival.id))[0]?.changes).toMatchObject({ unverifiedOnly: true, orders: 3 });
  });

  it("passes the released seats on to the session's waiting list", async () => {
    const sale = await createSaleFixture(db, { capacity: 4 });
    await heldOrder(sale, 2, SCRIPT);
    await heldOrder(sale, 2, SCRIPT);
    const waiting = await db.waitlistEntry.create({
      data: {
        sessionId: sale.session.id,
        ticketTypeId: sale.single.id,
        quantity: 2,
        customerName: "候补",
        customerPhone: "13700000001",
        customerEmail: `holds-wait-${++n}@example.com`,
        leaveTokenHash: `hash-${n}`,
        verifiedAt: new Date(),
      },
    });
    const answer = await release(await organiserOf(sale), { sessionId: sale.session.id, clientAddress: SCRIPT });
    expect(answer).toMatchObject({ status: "success", data: { orders: 2, seats: 4 } });
    const offered = await db.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(offered.status).toBe("OFFERED");
    // Two seats went to the waiting list's offer, two are on sale.
    expect(await reserved(sale.session.id)).toBe(2);
  });

  it("leaves alone an unpaid order that also holds another festival's tickets, and says so", async () => {
    const { sale, organiser } = await crowdedSession();
    const elsewhere = await createSaleFixture(db, { capacity: 10 });
    const created = await createOrder(
      {
        items: [
          { kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 1 },
          { kind: "ticket", ticketTypeId: elsewhere.single.id, sessionId: elsewhere.session.id, quantity: 1 },
        ],
        customer: buyer(++n),
      },
      { userId: null, locale: "zh-CN" },
    );
    await db.order.update({ where: { id: created.order.id }, data: { clientAddress: SCRIPT } });
    const answer = await release(organiser, { sessionId: sale.session.id, clientAddress: SCRIPT });
    expect(answer).toMatchObject({ status: "success", data: { orders: 4, seats: 8, skipped: 1, remaining: 0 } });
    expect(await statusOf([created.order.id])).toEqual(["PENDING"]);
    expect(await reserved(elsewhere.session.id)).toBe(1);
  });
});

describe("who may release, and with what", () => {
  it("refuses an organiser of another festival, a visitor and a stranger, and changes nothing", async () => {
    const { sale, script, neighbour, paid } = await crowdedSession();
    const otherOrganiser = await organiserOf(await createSaleFixture(db, { capacity: 5 }));
    const visitor = await userWith("VISITOR", "holds-visitor");
    const before = await snapshot(sale, [...script, neighbour, paid]);
    const fields = { sessionId: sale.session.id, clientAddress: SCRIPT };
    expect(await release(otherOrganiser, fields)).toMatchObject({ status: "error", message: t("errors.notFound") });
    expect(await release(visitor, fields)).toMatchObject({ status: "error", message: t("errors.forbidden") });
    expect(await release(null, fields)).toMatchObject({ status: "error", message: t("errors.signInRequired") });
    expect(await snapshot(sale, [...script, neighbour, paid])).toEqual(before);
  });

  it("answers an unknown session, an empty address or an address with nothing held clearly, changing nothing", async () => {
    const { sale, script, neighbour, paid, organiser } = await crowdedSession();
    const before = await snapshot(sale, [...script, neighbour, paid]);
    expect(await release(organiser, { sessionId: "no-such-session", clientAddress: SCRIPT })).toMatchObject({
      status: "error",
      message: t("errors.notFound"),
    });
    for (const clientAddress of ["", "   "]) {
      expect(await release(organiser, { sessionId: sale.session.id, clientAddress })).toMatchObject({
        status: "error",
        message: t("errors.checkFields"),
        fields: { clientAddress: t("bookings.holds.addressRequired") },
      });
    }
    expect(await release(organiser, { clientAddress: SCRIPT })).toMatchObject({
      status: "error",
      fields: { sessionId: expect.any(String) },
    });
    expect(await release(organiser, { sessionId: sale.session.id, clientAddress: "192.0.2.99" })).toMatchObject({
      status: "error",
      message: t("bookings.holds.noneToRelease"),
    });
    expect(await snapshot(sale, [...script, neighbour, paid])).toEqual(before);
  });
});
