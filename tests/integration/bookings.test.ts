import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as CSV } from "../../app/api/festivals/[slug]/bookings.csv/route";
import { UserError } from "../../lib/user-error";
import { canManageOrder, findManagedFestival } from "../../modules/auth/festival-scope";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { bookingsCsv } from "../../modules/bookings/export-bookings";
import { festivalStats, searchBookings } from "../../modules/bookings/queries";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// The export's route handler asks next-auth who is signed in; here the test says who is.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
const signedIn = vi.mocked(getCurrentUser);

afterAll(() => db.$disconnect());

async function paidOrder(
  sale: Awaited<ReturnType<typeof createSaleFixture>>,
  quantity: number,
  buyer: Partial<typeof customer> = {},
) {
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity }],
      customer: { ...customer, ...buyer },
    },
    { userId: null, locale: "zh-CN" },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: created.order.id } });
  expect(await payDemo(order)).toMatchObject({ result: "paid" });
  return db.order.findUniqueOrThrow({ where: { id: order.id }, include: { tickets: { orderBy: { code: "asc" } } } });
}

/** The demo admin, cancelling as back-office staff with every festival in scope. */
async function staff() {
  const actor = await db.user.findUniqueOrThrow({
    where: { email: "admin@suoqian.test" },
    select: { id: true, email: true, role: true },
  });
  return { kind: "staff" as const, actor, scope: { all: true as const } };
}

const reserved = async (sessionId: string) =>
  (await db.festivalSession.findUniqueOrThrow({ where: { id: sessionId } })).reserved;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("cancelling and refunding", () => {
  it("lets a buyer cancel a whole paid order before the cut-off: refunded, seats back on sale", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 72 });
    const order = await paidOrder(sale, 3);
    expect(await reserved(sale.session.id)).toBe(3);
    const result = await cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } });
    expect(result).toEqual({
      status: "REFUNDED",
      tickets: 3,
      refundedCents: 3 * sale.single.priceCents,
      refundPending: false,
    });
    expect(await reserved(sale.session.id)).toBe(0);
    const after = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { tickets: true, items: true, payments: { include: { refunds: true } } },
    });
    expect(after.status).toBe("REFUNDED");
    expect(after.cancelledAt).not.toBeNull();
    expect(after.tickets.every((t) => t.status === "REFUNDED")).toBe(true);
    expect(after.items.every((i) => i.fulfilmentStatus === "CANCELLED")).toBe(true);
    const [payment] = after.payments;
    expect(payment?.status).toBe("REFUNDED");
    expect(payment?.refundedCents).toBe(3 * sale.single.priceCents);
    expect(payment?.refunds).toHaveLength(1);
    expect(payment?.refunds[0]?.providerRef).toMatch(/^demo_re_refund-/);
    // Nothing is left to cancel, and a second attempt changes nothing.
    expect(await refusal(cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } }))).toBe(
      "order.cancel.notPaid",
    );
  });

  it("refunds single tickets, leaving the rest of the order valid", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const order = await paidOrder(sale, 3);
    const [first, second] = order.tickets;
    if (!first || !second) throw new Error("tickets missing");
    const result = await cancelOrder({ orderId: order.id, ticketIds: [first.id], by: await staff() });
    expect(result).toMatchObject({ status: "PARTIALLY_REFUNDED", tickets: 1, refundedCents: sale.single.priceCents });
    expect(await reserved(sale.session.id)).toBe(2);
    await cancelOrder({ orderId: order.id, ticketIds: [second.id], by: await staff() });
    const after = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { payments: true, items: true },
    });
    expect(after.status).toBe("PARTIALLY_REFUNDED");
    expect(after.payments[0]?.refundedCents).toBe(2 * sale.single.priceCents);
    expect(after.payments[0]?.status).toBe("PARTIALLY_REFUNDED");
    expect(after.items[0]?.fulfilmentStatus).toBe("PAID");
    expect(await reserved(sale.session.id)).toBe(1);
    // The same ticket twice: refused, nothing refunded again.
    expect(await refusal(cancelOrder({ orderId: order.id, ticketIds: [first.id], by: await staff() }))).toBe(
      "order.cancel.alreadyCancelled",
    );
    expect(await reserved(sale.session.id)).toBe(1);
  });

  it("refuses buyers after the cut-off but lets the organiser refund", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 10 });
    const order = await paidOrder(sale, 2);
    expect(await refusal(cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } }))).toBe(
      "order.cancel.pastCutoff",
    );
    expect(await reserved(sale.session.id)).toBe(2);
    expect((await db.ticket.findMany({ where: { orderId: order.id } })).every((t) => t.status === "VALID")).toBe(true);
    const byStaff = await cancelOrder({ orderId: order.id, ticketIds: "all", by: await staff() });
    expect(byStaff.status).toBe("REFUNDED");
  });

  it("never refunds a ticket already used at the gate", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const order = await paidOrder(sale, 2);
    const [used, unused] = order.tickets;
    if (!used || !unused) throw new Error("tickets missing");
    await db.ticket.update({ where: { id: used.id }, data: { checkedInAt: new Date() } });
    expect(await refusal(cancelOrder({ orderId: order.id, ticketIds: [used.id], by: await staff() }))).toBe(
      "order.cancel.checkedIn",
    );
    // "All" means all that can still be cancelled.
    const result = await cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } });
    expect(result).toMatchObject({ status: "PARTIALLY_REFUNDED", tickets: 1 });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: used.id } })).status).toBe("VALID");
    expect(await reserved(sale.session.id)).toBe(1);
  });

  it("refuses tickets of another order", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const mine = await paidOrder(sale, 1);
    const theirs = await paidOrder(sale, 1);
    const foreign = theirs.tickets[0]?.id ?? "";
    expect(await refusal(cancelOrder({ orderId: mine.id, ticketIds: [foreign], by: { kind: "buyer" } }))).toBe(
      "order.cancel.unknownTicket",
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: foreign } })).status).toBe("VALID");
  });

  it("releases an unpaid order's held seats at once", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const created = await createOrder(
      { items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 4 }], customer },
      { userId: null, locale: "zh-CN" },
    );
    expect(await reserved(sale.session.id)).toBe(4);
    const result = await cancelOrder({ orderId: created.order.id, ticketIds: "all", by: { kind: "buyer" } });
    expect(result.status).toBe("CANCELLED");
    expect(await reserved(sale.session.id)).toBe(0);
    expect((await db.hold.findMany({ where: { orderId: created.order.id } })).map((h) => h.status)).toEqual([
      "RELEASED",
    ]);
  });

  it("cancels a ticket once when two people press cancel at the same moment", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const order = await paidOrder(sale, 1);
    const ticketId = order.tickets[0]?.id ?? "";
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => cancelOrder({ orderId: order.id, ticketIds: [ticketId], by: { kind: "buyer" } })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of attempts) if (a.status === "rejected") expect(a.reason).toBeInstanceOf(UserError);
    expect(await reserved(sale.session.id)).toBe(0);
    expect(await db.refund.count({ where: { payment: { orderId: order.id } } })).toBe(1);
  });
});

describe("the organiser's bookings", () => {
  it("finds a booking by name, phone, e-mail, order code or ticket code, and filters by session and status", async () => {
    const sale = await createSaleFixture(db, { capacity: 20 });
    const tag = Math.random().toString(36).slice(2, 7);
    const order = await paidOrder(sale, 2, { name: `林${tag}`, phone: "13912345678", email: `lin-${tag}@example.com` });
    await paidOrder(sale, 1);
    const ids = async (filter: Parameters<typeof searchBookings>[1]) =>
      (await searchBookings(sale.festival.id, filter)).orders.map((o) => o.id);
    expect(await ids({ q: `林${tag}` })).toEqual([order.id]);
    expect(await ids({ q: `LIN-${tag}@EXAMPLE.COM` })).toEqual([order.id]);
    expect(await ids({ q: "139 1234 5678" })).toEqual([order.id]);
    expect(await ids({ q: order.code.toLowerCase() })).toEqual([order.id]);
    const ticket = order.tickets[0]?.code ?? "";
    expect(await ids({ q: `${ticket.slice(0, 4)}-${ticket.slice(4)}`.toLowerCase() })).toEqual([order.id]);
    expect(await ids({ sessionId: sale.session.id })).toHaveLength(2);
    expect(await ids({ status: "PENDING" })).toEqual([]);
    expect(await ids({ q: "nobody-like-this" })).toEqual([]);
    // Another festival's bookings never show here.
    const other = await createSaleFixture(db, { capacity: 5 });
    expect(await ids({ sessionId: other.session.id })).toEqual([]);
  });

  it("counts sold, held, left and checked in per session", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const order = await paidOrder(sale, 3);
    await createOrder(
      { items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 2 }], customer },
      { userId: null, locale: "zh-CN" },
    );
    await db.ticket.update({ where: { id: order.tickets[0]?.id }, data: { checkedInAt: new Date() } });
    const [stats] = await festivalStats(sale.festival.id);
    expect(stats).toMatchObject({ capacity: 10, sold: 3, held: 2, remaining: 5, checkedIn: 1 });
  });

  it("exports a CSV that Excel opens with Chinese intact and with formulas defused", async () => {
    const sale = await createSaleFixture(db, { capacity: 10 });
    const order = await paidOrder(sale, 2, { name: '=HYPERLINK("http://evil","王")' });
    const csv = await bookingsCsv(sale.festival.id, {}, "zh-CN");
    expect(csv.startsWith('\uFEFF"订单号","订单状态"')).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    for (const ticket of order.tickets) expect(csv).toContain(`"${ticket.code}"`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""王"")"`);
    expect(lines[1]).toContain('"已支付"');
    expect(lines[1]).toContain('"88.00"');
    const english = await bookingsCsv(sale.festival.id, {}, "en");
    expect(english).toContain('"Order","Order status"');
  });

  it("shows organisers only the festivals and orders they run; admins all", async () => {
    const sale = await createSaleFixture(db, { capacity: 5 });
    const order = await paidOrder(sale, 1);
    const organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@suoqian.test" } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    expect(await findManagedFestival(organiser, sale.festival.slug)).toBeNull();
    expect(await canManageOrder(organiser, order.id)).toBe(false);
    expect(await canManageOrder(admin, order.id)).toBe(true);
    await db.festivalOrganiser.create({ data: { festivalId: sale.festival.id, userId: organiser.id } });
    expect((await findManagedFestival(organiser, sale.festival.slug))?.id).toBe(sale.festival.id);
    expect(await canManageOrder(organiser, order.id)).toBe(true);
  });
});

describe("the bookings export over HTTP", () => {
  const as = (user: CurrentUser | null) => signedIn.mockResolvedValue(user);
  const get = (slug: string) =>
    CSV(new Request(`http://127.0.0.1/api/festivals/${slug}/bookings.csv?lang=en`), {
      params: Promise.resolve({ slug }),
    });
  const user = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });

  it("is for the festival's organisers and admins only", async () => {
    const sale = await createSaleFixture(db, { capacity: 5 });
    await paidOrder(sale, 1, { name: "导出测试" });
    as(null);
    expect((await get(sale.festival.slug)).status).toBe(401);
    as(await user("visitor@suoqian.test"));
    expect((await get(sale.festival.slug)).status).toBe(403);
    as(await user("farmer@suoqian.test"));
    expect((await get(sale.festival.slug)).status).toBe(403);
    // An organiser of other festivals: as if it did not exist.
    as(await user("organiser@suoqian.test"));
    const hidden = await get(sale.festival.slug);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error).toBe("not_found");
    as(await user("admin@suoqian.test"));
    const ok = await get(sale.festival.slug);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(
      /^attachment; filename="test-festival-.*-bookings-\d{12}\.csv"$/,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await ok.arrayBuffer());
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain('"导出测试"');
  });
});
